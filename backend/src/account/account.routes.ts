import type { Request } from 'express';
import { completeSignIn, pendingSignInMs } from '../auth/auth.routes';
import type { LoginThrottle } from '../auth/login-throttle';
import type { SecretBox } from '../auth/secret-box';
import { DatabaseSessionStore } from '../auth/session-store';
import {
  alreadyEnabled,
  disableTwoFactor,
  enableTwoFactor,
  matchingStep,
  newTwoFactorSetup,
  regenerateRecoveryCodes,
} from '../auth/two-factor';
import type { Config } from '../config';
import type { Api } from '../http/api';
import { Problem, problems } from '../http/problem';
import { twoFactorRequiredFor } from '../settings/settings.service';
import { User } from '../users/user.model';
import { CurrentUser } from '../users/users.schema';
import { findActiveUser } from '../users/users.service';
import {
  AccountSummary,
  EmailChange,
  PasswordChange,
  PasswordConfirmation,
  RecoveryCodes,
  TwoFactorConfirmation,
  TwoFactorSetup,
} from './account.schema';
import { accountSummary, changeEmail, changePassword, confirmPassword } from './account.service';

/** How long a QR code shown for enrolment stays valid. */
const setupMs = 15 * 60_000;

/** "Mon compte": the signed-in user's own password, e-mail and two-factor sign-in. */
export function accountRoutes(api: Api, deps: { config: Config; throttle: LoginThrottle; secretBox: SecretBox }) {
  const { config, throttle, secretBox } = deps;

  api.route({
    method: 'get',
    path: '/account',
    summary: 'The signed-in user and the state of their two-factor sign-in',
    tags: ['account'],
    access: 'authenticated',
    response: AccountSummary,
    handler: ({ user }) => accountSummary(user.id),
  });

  api.route({
    method: 'put',
    path: '/account/password',
    summary: 'Change one’s password (asks for the current one); ends the user’s other sessions',
    tags: ['account'],
    access: 'authenticated',
    body: PasswordChange,
    errors: [429],
    handler: async ({ user, body, req }) => {
      const record = await confirmPassword(req, user.id, body.currentPassword, throttle);
      await changePassword(record, body.newPassword, req.sessionID);
    },
  });

  api.route({
    method: 'put',
    path: '/account/email',
    summary: 'Change one’s e-mail address (asks for the current password); ends the user’s other sessions',
    tags: ['account'],
    access: 'authenticated',
    body: EmailChange,
    response: CurrentUser,
    errors: [409, 429],
    handler: async ({ user, body, req }) => {
      const record = await confirmPassword(req, user.id, body.currentPassword, throttle);
      return changeEmail(record, body.email, req.sessionID);
    },
  });

  api.route({
    method: 'post',
    path: '/account/two-factor/setup',
    summary: 'Start turning two-factor sign-in on: a new secret and its QR code (not active until confirmed)',
    description:
      'For a signed-in user, or for a session half-way through a sign-in whose account must turn two-factor sign-in on (login answered `twoFactorEnrolmentRequired`).',
    tags: ['account'],
    access: 'public',
    response: TwoFactorSetup,
    errors: [401, 409],
    handler: async ({ req }) => {
      const user = await enrollingUser(req);
      if (user.totpEnabledAt) throw alreadyEnabled();
      const setup = await newTwoFactorSetup(user.email);
      req.session.twoFactorSetup = { userId: user.id, secret: secretBox.seal(setup.secret), startedAt: Date.now() };
      return setup;
    },
  });

  api.route({
    method: 'post',
    path: '/account/two-factor/confirm',
    summary: 'Finish turning two-factor sign-in on with a first code; answers the recovery codes, shown once',
    description:
      'Ends the user’s other sessions. A session half-way through a sign-in (enrolment required) is signed in by this call.',
    tags: ['account'],
    access: 'public',
    body: TwoFactorConfirmation,
    response: RecoveryCodes,
    errors: [401, 409, 429],
    handler: async ({ body, req, res }) => {
      const user = await enrollingUser(req);
      const setup = req.session.twoFactorSetup;
      const secret = setup && setup.userId === user.id && Date.now() - setup.startedAt < setupMs ? secretBox.open(setup.secret) : null;
      if (!secret) {
        throw problems.conflict('two_factor_setup_expired', 'Le QR code a expiré : recommencez l’activation.');
      }
      await throttle.beginSecondFactorAttempt(user.id);
      const step = await matchingStep(secret, body.code);
      if (step === null) {
        throw new Problem(400, 'invalid_code', 'Code refusé', 'Ce code est incorrect ou a expiré.', [
          { path: 'code', message: 'Code incorrect : saisissez le code affiché en ce moment par l’application.' },
        ]);
      }
      await throttle.secondFactorSucceeded(user.id);
      const recoveryCodes = await enableTwoFactor(user.id, secret, step, secretBox);
      delete req.session.twoFactorSetup;
      if (req.user) {
        await DatabaseSessionStore.destroyAllForUser(user.id, req.sessionID);
      } else {
        await DatabaseSessionStore.destroyAllForUser(user.id);
        await completeSignIn(req, res, user.toCurrentUser(), config);
      }
      return { recoveryCodes };
    },
  });

  api.route({
    method: 'post',
    path: '/account/two-factor/disable',
    summary: 'Turn two-factor sign-in off (asks for the password); refused when the role requires it',
    tags: ['account'],
    access: 'authenticated',
    body: PasswordConfirmation,
    errors: [409, 429],
    handler: async ({ user, body, req }) => {
      const record = await confirmPassword(req, user.id, body.currentPassword, throttle);
      if (!record.totpEnabledAt) return;
      if (await twoFactorRequiredFor(record.role)) {
        throw problems.conflict('two_factor_required', 'La double authentification est obligatoire pour votre rôle : elle ne peut pas être désactivée.');
      }
      await disableTwoFactor(user.id, user.id);
      await DatabaseSessionStore.destroyAllForUser(user.id, req.sessionID);
    },
  });

  api.route({
    method: 'post',
    path: '/account/two-factor/recovery-codes',
    summary: 'New recovery codes (asks for the password); the old ones stop working',
    tags: ['account'],
    access: 'authenticated',
    body: PasswordConfirmation,
    response: RecoveryCodes,
    errors: [409, 429],
    handler: async ({ user, body, req }) => {
      const record = await confirmPassword(req, user.id, body.currentPassword, throttle);
      if (!record.totpEnabledAt) {
        throw problems.conflict('two_factor_disabled', 'Activez d’abord la double authentification.');
      }
      return { recoveryCodes: await regenerateRecoveryCodes(user.id) };
    },
  });
}

/** The signed-in user, or the user of a sign-in waiting for its mandatory enrolment; anyone else gets 401. */
async function enrollingUser(req: Request): Promise<User> {
  const pending = req.session?.pendingSignIn;
  const userId = req.user?.id ?? (pending?.step === 'enrol' && Date.now() - pending.startedAt < pendingSignInMs ? pending.userId : undefined);
  const user = userId === undefined ? null : await findActiveUser(userId);
  if (!user) throw problems.unauthenticated();
  return user;
}
