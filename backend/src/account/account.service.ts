import type { Request } from 'express';
import { recordAudit } from '../audit/audit.service';
import { clientAddress } from '../auth/auth.routes';
import type { LoginThrottle } from '../auth/login-throttle';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { DatabaseSessionStore } from '../auth/session-store';
import { unusedRecoveryCodes } from '../auth/two-factor';
import { Problem, problems } from '../http/problem';
import { twoFactorRequiredFor } from '../settings/settings.service';
import { User } from '../users/user.model';
import { normalizeEmail } from '../users/users.service';
import type { AccountSummary } from './account.schema';

export async function accountSummary(userId: number): Promise<AccountSummary> {
  const user = await User.findByPk(userId);
  if (!user) throw problems.unauthenticated();
  return {
    user: user.toCurrentUser(),
    twoFactor: {
      enabled: Boolean(user.totpEnabledAt),
      enabledAt: user.totpEnabledAt?.toISOString() ?? null,
      recoveryCodesLeft: user.totpEnabledAt ? await unusedRecoveryCodes(user.id) : 0,
      required: await twoFactorRequiredFor(user.role),
    },
  };
}

/**
 * Asks for the current password again before a sensitive change; wrong guesses count against the
 * same sign-in throttle, so that a stolen session cannot be used to guess the password.
 */
export async function confirmPassword(req: Request, userId: number, password: string, throttle: LoginThrottle) {
  const user = await User.findByPk(userId);
  if (!user || !user.active) throw problems.unauthenticated();
  await throttle.beginPasswordAttempt(user.email, clientAddress(req));
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new Problem(400, 'wrong_password', 'Mot de passe refusé', 'Le mot de passe actuel est incorrect.', [
      { path: 'currentPassword', message: 'Mot de passe actuel incorrect.' },
    ]);
  }
  await throttle.passwordSucceeded(user.email, clientAddress(req));
  return user;
}

/** A new password for the signed-in user; their other sessions end. */
export async function changePassword(user: User, newPassword: string, currentSid: string) {
  const refused = passwordProblem(newPassword, { email: user.email });
  if (refused) throw problems.invalid([{ path: 'newPassword', message: refused }]);
  // Hashed before the transaction: no lock is held while argon2 works.
  const passwordHash = await hashPassword(newPassword);
  await User.sequelize!.transaction(async (transaction) => {
    await User.update({ passwordHash }, { where: { id: user.id }, transaction });
    await recordAudit(transaction, { actorUserId: user.id, action: 'password_change', entityType: 'user', entityId: user.id });
  });
  await DatabaseSessionStore.destroyAllForUser(user.id, currentSid);
}

/** A new e-mail address (the sign-in name) for the signed-in user; their other sessions end. */
export async function changeEmail(user: User, email: string, currentSid: string) {
  const normalized = normalizeEmail(email);
  const before = user.email;
  if (normalized !== before) {
    await User.sequelize!.transaction(async (transaction) => {
      const taken = await User.findOne({ where: { email: normalized }, transaction });
      if (taken) {
        throw new Problem(409, 'email_taken', 'Conflit', 'Un compte existe déjà avec cette adresse e-mail.', [
          { path: 'email', message: 'Un compte existe déjà avec cette adresse e-mail.' },
        ]);
      }
      await User.update({ email: normalized }, { where: { id: user.id }, transaction });
      await recordAudit(transaction, {
        actorUserId: user.id,
        action: 'update',
        entityType: 'user',
        entityId: user.id,
        before: { email: before },
        after: { email: normalized },
      });
    });
    await DatabaseSessionStore.destroyAllForUser(user.id, currentSid);
  }
  return (await User.findByPk(user.id))!.toCurrentUser();
}
