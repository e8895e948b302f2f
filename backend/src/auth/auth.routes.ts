import type { Request, Response } from 'express';
import passport from 'passport';
import { recordAudit } from '../audit/audit.service';
import type { Config } from '../config';
import type { Api } from '../http/api';
import { Problem } from '../http/problem';
import { twoFactorRequiredFor } from '../settings/settings.service';
import { User } from '../users/user.model';
import { CurrentUser } from '../users/users.schema';
import { findActiveUser } from '../users/users.service';
import { LoginRequest, LoginResponse, SecondFactorRequest } from './auth.schema';
import type { LoginThrottle } from './login-throttle';
import type { SecretBox } from './secret-box';
import { sessionCookieName, issueCsrfCookie } from './session';
import { DatabaseSessionStore } from './session-store';
import { useRecoveryCode, verifySignInCode } from './two-factor';

/** How long the second step of a sign-in may wait after the password. */
export const pendingSignInMs = 10 * 60_000;

export function authRoutes(api: Api, deps: { config: Config; throttle: LoginThrottle; secretBox: SecretBox }) {
  const { config, throttle, secretBox } = deps;

  api.route({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with e-mail and password; starts a new session and rotates the CSRF token',
    description:
      'Answers the signed-in user, or `{twoFactorRequired: true}` when the account has two-factor sign-in (then POST /auth/totp), ' +
      'or `{twoFactorEnrolmentRequired: true}` when the account must turn it on first (then the /account/two-factor/setup and confirm calls). ' +
      'In both cases the session is not signed in yet.',
    tags: ['auth'],
    access: 'public',
    body: LoginRequest,
    response: LoginResponse,
    errors: [401, 429],
    handler: async ({ body, req, res }) => {
      const address = clientAddress(req);
      await throttle.beginPasswordAttempt(body.email, address);
      const user = await authenticate(req, res);
      if (!user) throw new Problem(401, 'invalid_credentials', 'Identifiants refusés', 'Adresse e-mail ou mot de passe incorrect.');
      await throttle.passwordSucceeded(body.email, address);
      const record = await User.findByPk(user.id);
      const step = record?.totpEnabledAt ? 'totp' : (await twoFactorRequiredFor(user.role)) ? 'enrol' : null;
      if (step) {
        await regenerate(req);
        req.session.pendingSignIn = { userId: user.id, step, startedAt: Date.now() };
        issueCsrfCookie(req, res, config.trustProxy, true);
        return step === 'totp' ? { twoFactorRequired: true as const } : { twoFactorEnrolmentRequired: true as const };
      }
      return completeSignIn(req, res, user, config);
    },
  });

  api.route({
    method: 'post',
    path: '/auth/totp',
    summary: 'Second step of a sign-in: a code from the authenticator app, or a recovery code (single use)',
    tags: ['auth'],
    access: 'public',
    body: SecondFactorRequest,
    response: CurrentUser,
    errors: [401, 429],
    handler: async ({ body, req, res }) => {
      const pending = req.session.pendingSignIn;
      if (!pending || pending.step !== 'totp' || Date.now() - pending.startedAt > pendingSignInMs) throw signInToRestart();
      await throttle.beginSecondFactorAttempt(pending.userId);
      const user = await findActiveUser(pending.userId);
      if (!user) throw signInToRestart();
      const accepted = body.recoveryCode ? await useRecoveryCode(user, body.recoveryCode) : await verifySignInCode(user, body.code ?? '', secretBox);
      if (!accepted) {
        throw new Problem(401, 'invalid_code', 'Code refusé', body.recoveryCode ? 'Ce code de secours est inconnu ou a déjà servi.' : 'Ce code est incorrect ou a expiré.');
      }
      await throttle.secondFactorSucceeded(pending.userId);
      return completeSignIn(req, res, user.toCurrentUser(), config);
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
    summary: 'The signed-in user (401 when signed out or half-way through a sign-in); also sets the XSRF-TOKEN cookie',
    tags: ['auth'],
    access: 'authenticated',
    response: CurrentUser,
    handler: ({ user }) => user,
  });
}

/** The end of every sign-in: a new session id, the absolute timeout's start, a new CSRF token, the audit trail. */
export async function completeSignIn(req: Request, res: Response, user: CurrentUser, config: Config) {
  // passport regenerates the session, which also drops any half-finished sign-in or enrolment.
  await new Promise<void>((resolve, reject) => req.logIn(user, (error) => (error ? reject(error) : resolve())));
  req.session.authenticatedAt = Date.now();
  issueCsrfCookie(req, res, config.trustProxy, true);
  await User.update({ lastLoginAt: new Date() }, { where: { id: user.id } });
  await recordAudit(null, { actorUserId: user.id, action: 'login', entityType: 'user', entityId: user.id });
  return user;
}

/** The address that throttling counts: the client's, or the proxy's view of it when TRUST_PROXY is set. */
export function clientAddress(req: Request) {
  return req.ip ?? 'unknown';
}

const signInToRestart = () =>
  new Problem(401, 'sign_in_restart', 'Connexion à reprendre', 'Saisissez à nouveau votre adresse e-mail et votre mot de passe.');

function regenerate(req: Request) {
  return new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

function authenticate(req: Request, res: Response) {
  return new Promise<CurrentUser | null>((resolve, reject) => {
    passport.authenticate('local', { session: false }, (error: unknown, user: CurrentUser | false) => {
      if (error) reject(error);
      else resolve(user || null);
    })(req, res, (error: unknown) => reject(error));
  });
}
