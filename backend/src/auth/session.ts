import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { csrfSync } from 'csrf-sync';
import passport from 'passport';
import type { Config } from '../config';
import { Problem } from '../http/problem';
import { DatabaseSessionStore } from './session-store';

declare module 'express-session' {
  interface SessionData {
    /** When the user signed in (ms since epoch): the absolute timeout counts from here. */
    authenticatedAt?: number;
    /** Password accepted, second step to do: the session is not signed in yet. */
    pendingSignIn?: { userId: number; step: 'totp' | 'enrol'; startedAt: number };
    /** A TOTP secret shown to the user and not confirmed yet (sealed by SecretBox). */
    twoFactorSetup?: { userId: number; secret: string; startedAt: number };
  }
}

export const sessionCookieName = 'passerelles.sid';
export const csrfCookieName = 'XSRF-TOKEN';

const csrf = csrfSync({
  getTokenFromRequest: (req) => req.headers['x-xsrf-token'] as string | undefined,
  size: 32,
});

/**
 * Everything the API needs to know who is calling: the database session, passport, the CSRF token
 * (synchronizer token kept in the session, mirrored in a readable cookie that Angular echoes in
 * X-XSRF-TOKEN), and the absolute session lifetime.
 */
export function sessionMiddleware(config: Config): RequestHandler[] {
  const idleMs = config.sessionIdleMinutes * 60_000;
  const secureCookies = config.trustProxy;
  return [
    session({
      name: sessionCookieName,
      secret: config.sessionSecret,
      store: new DatabaseSessionStore(idleMs),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: config.trustProxy,
      // Behind a TLS proxy every cookie is Secure: a plain-HTTP request gets none.
      cookie: { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: idleMs, path: '/' },
    }),
    passport.initialize(),
    passport.session(),
    enforceAbsoluteTimeout(config.sessionAbsoluteHours * 3_600_000),
    (req, res, next) => {
      issueCsrfCookie(req, res, secureCookies);
      next();
    },
  ];
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must echo the session's CSRF token in X-XSRF-TOKEN. The API router calls
 * this after the access check, so that a signed-out caller learns it must sign in (401) first.
 */
export function verifyCsrf(req: Request) {
  if (safeMethods.has(req.method)) return;
  if (!req.session || !csrf.isRequestValid(req)) {
    throw new Problem(403, 'csrf_failed', 'Jeton CSRF manquant ou invalide', 'Rechargez la page puis réessayez.');
  }
}

/** Sets the readable XSRF-TOKEN cookie when the browser does not hold the session's current token. */
export function issueCsrfCookie(req: Request, res: Response, secure: boolean, rotate = false) {
  const token = csrf.generateToken(req, rotate);
  if (!rotate && req.headers.cookie?.includes(`${csrfCookieName}=${token}`)) return;
  res.cookie(csrfCookieName, token, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
}

function enforceAbsoluteTimeout(maxAgeMs: number) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const authenticatedAt = req.session?.authenticatedAt;
    if (req.user && authenticatedAt && Date.now() - authenticatedAt > maxAgeMs) {
      // A fresh, anonymous session: the old one is gone from the store.
      req.session.regenerate((error) => {
        (req as { user?: unknown }).user = undefined;
        next(error);
      });
      return;
    }
    next();
  };
}
