import type { Sequelize } from 'sequelize';

/**
 * Counts the queries in flight on a Sequelize instance, so that a stopping server closes the database
 * only once the requests still running have finished with it — including requests whose client has
 * already gone: the HTTP server counts them as ended when their connection closes, while their handler
 * goes on with its next query.
 */
export function trackQueries(sequelize: Sequelize) {
  let running = 0;
  let lastEnded = 0;
  sequelize.addHook('beforeQuery', () => {
    running += 1;
  });
  sequelize.addHook('afterQuery', () => {
    running -= 1;
    lastEnded = Date.now();
  });
  return {
    /**
     * Resolves once no query has run for `quietMs` (a handler between two of its queries is not done),
     * or after `maxMs` whatever happens.
     */
    async quiet(quietMs: number, maxMs: number) {
      const deadline = Date.now() + maxMs;
      while (Date.now() < deadline && (running > 0 || Date.now() - lastEnded < quietMs)) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}
