import { Router } from 'express';
import type { Sequelize } from 'sequelize';

/** For load balancers: /healthz says the process is up, /readyz that the database answers. */
export function healthRoutes(sequelize: Sequelize) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await withTimeout(sequelize.query('SELECT 1'), 2_000);
      res.json({ status: 'ok', database: 'up' });
    } catch {
      res.status(503).type('application/problem+json').send(
        JSON.stringify({
          type: 'urn:passerelles:problem:service_unavailable',
          title: 'Base de données injoignable',
          status: 503,
          code: 'service_unavailable',
        }),
      );
    }
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]);
}
