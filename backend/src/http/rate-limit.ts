import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { problems } from './problem';

/**
 * A general limit on API calls, per signed-in user (or per address when signed out), to contain a
 * runaway script or a scraper. Counted in this process's memory: a database counter would cost a write
 * on every request and fail with the database; with several processes the effective limit is at most
 * N times the figure, which is fine for a limit meant to stop abuse, not to meter. Sign-in attempts
 * have their own limits, shared through the database (login-throttle.ts).
 */
export function apiRateLimit(perMinute: number): RequestHandler {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return (req, _res, next) => {
    const key = req.user ? `user:${req.user.id}` : `address:${req.ip ?? 'unknown'}`;
    limiter.consume(key).then(
      () => next(),
      (result: unknown) => {
        if (!(result instanceof RateLimiterRes)) return next(result);
        next(problems.tooManyRequests(result.msBeforeNext / 1000, 'Trop de requêtes en peu de temps. Patientez un instant puis réessayez.'));
      },
    );
  };
}
