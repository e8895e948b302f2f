import type { Request, Response } from 'express';
import passport from 'passport';
import { recordAudit } from '../audit/audit.service';
import type { Config } from '../config';
import type { Api } from '../http/api';
import { Problem } from '../http/problem';
import { User } from '../users/user.model';
import { CurrentUser } from '../users/users.schema';
import { LoginRequest } from './auth.schema';
import type { LoginThrottle } from './login-throttle';
import { sessionCookieName, issueCsrfCookie } from './session';
import { DatabaseSessionStore } from './session-store';

export function authRoutes(api: Api, deps: { config: Config; throttle: LoginThrottle }) {
  const { config, throttle } = deps;

  api.route({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with e-mail and password; starts a new session and rotates the CSRF token',
    tags: ['auth'],
    access: 'public',
    body: LoginRequest,
    response: CurrentUser,
    errors: [401, 429],
    handler: async ({ body, req, res }) => {
      const address = req.ip ?? 'unknown';
      await throttle.check(body.email, address);
      const user = await authenticate(req, res);
      if (!user) {
        await throttle.recordFailure(body.email, address);
        throw new Problem(401, 'invalid_credentials', 'Identifiants refusés', 'Adresse e-mail ou mot de passe incorrect.');
      }
      await throttle.recordSuccess(body.email, address);
      await new Promise<void>((resolve, reject) => req.logIn(user, (error) => (error ? reject(error) : resolve())));
      req.session.authenticatedAt = Date.now();
      issueCsrfCookie(req, res, config.trustProxy, true);
      await User.update({ lastLoginAt: new Date() }, { where: { id: user.id } });
      await recordAudit(null, { actorUserId: user.id, action: 'login', entityType: 'user', entityId: user.id });
      return user;
    },
  });

  api.route({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: ends every session of the user',
    tags: ['auth'],
    access: 'authenticated',
    handler: async ({ user, req, res }) => {
      await DatabaseSessionStore.destroyAllForUser(user.id);
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      res.clearCookie(sessionCookieName, { path: '/' });
    },
  });

  api.route({
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user (401 when signed out); also sets the XSRF-TOKEN cookie',
    tags: ['auth'],
    access: 'authenticated',
    response: CurrentUser,
    handler: ({ user }) => user,
  });
}

function authenticate(req: Request, res: Response) {
  return new Promise<CurrentUser | null>((resolve, reject) => {
    passport.authenticate('local', { session: false }, (error: unknown, user: CurrentUser | false) => {
      if (error) reject(error);
      else resolve(user || null);
    })(req, res, (error: unknown) => reject(error));
  });
}
