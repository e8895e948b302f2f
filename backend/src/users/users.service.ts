import type { Transaction } from 'sequelize';
import { changedFields, recordAudit } from '../audit/audit.service';
import { generatePassword, hashPassword, verifyPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { DatabaseSessionStore } from '../auth/session-store';
import { problems } from '../http/problem';
import { Partner } from '../partners/partner.model';
import { User } from './user.model';
import type { Role, UserAccount, UserAccountUpdate } from './users.schema';

export type NewUser = {
  email: string;
  displayName?: string;
  role: Role;
  partnerId?: number | null;
  password?: string;
};

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** Creates an account; without a password one is generated and returned, to be shown once. */
export async function createUser(input: NewUser, options: { actorUserId?: number | null; transaction?: Transaction } = {}) {
  const email = normalizeEmail(input.email);
  if (input.role === 'association' && !input.partnerId) {
    throw problems.invalid([{ path: 'partnerId', message: 'Un compte association est rattaché à une association.' }]);
  }
  if (input.role === 'association' && !(await Partner.findByPk(input.partnerId!, { transaction: options.transaction }))) {
    throw problems.invalid([{ path: 'partnerId', message: 'Cette association n’existe pas.' }]);
  }
  const password = input.password ?? generatePassword();
  const refused = passwordProblem(password, { email });
  if (refused) throw problems.invalid([{ path: 'password', message: refused }]);
  if (await User.findOne({ where: { email }, transaction: options.transaction })) {
    throw problems.conflict('email_taken', 'Un compte existe déjà avec cette adresse e-mail.');
  }
  const user = await User.create(
    {
      email,
      displayName: input.displayName?.trim() || email.split('@')[0]!,
      role: input.role,
      partnerId: input.role === 'association' ? (input.partnerId ?? null) : null,
      passwordHash: await hashPassword(password),
      lastLoginAt: null,
    },
    { transaction: options.transaction },
  );
  await recordAudit(options.transaction ?? null, {
    actorUserId: options.actorUserId ?? null,
    action: 'create',
    entityType: 'user',
    entityId: user.id,
    after: { email: user.email, role: user.role, partnerId: user.partnerId },
  });
  return { user, generatedPassword: input.password ? undefined : password };
}

/** The user behind an e-mail and password, or null; inactive accounts cannot sign in. */
export async function verifyCredentials(email: string, password: string) {
  const user = await User.findOne({ where: { email: normalizeEmail(email) } });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  return valid && user && user.active ? user : null;
}

export async function findActiveUser(id: number) {
  return activeOrNull(await User.findByPk(id));
}

/** The user if the account is active: a deactivated account is as if it did not exist. */
export function activeOrNull(user: User | null) {
  return user && user.active ? user : null;
}

export function toUserAccount(user: User): UserAccount {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    partnerId: user.partnerId,
    active: user.active,
    twoFactorEnabled: Boolean(user.totpEnabledAt),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}

export async function listUserAccounts(): Promise<UserAccount[]> {
  const users = await User.findAll({ order: [['displayName', 'ASC'], ['id', 'ASC']] });
  return users.map(toUserAccount);
}

/**
 * An administrator's change to an account. One cannot change one's own role or deactivate oneself
 * (so there is always an active administrator). Deactivation and a change of role end every session
 * of the account: the next sign-in applies the new role's rules (two-factor requirement included).
 */
export async function updateUserAccount(id: number, update: UserAccountUpdate, actorUserId: number): Promise<UserAccount> {
  const result = await User.sequelize!.transaction(async (transaction) => {
    const user = await User.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!user) throw problems.notFound();
    if (user.version !== update.version) {
      throw problems.conflict('version_conflict', 'Ce compte a été modifié entre-temps par quelqu’un d’autre.', { current: toUserAccount(user) });
    }
    if (id === actorUserId && ((update.role !== undefined && update.role !== user.role) || update.active === false)) {
      throw problems.conflict('own_account', 'Vous ne pouvez ni changer votre propre rôle ni désactiver votre propre compte.');
    }
    const role = update.role ?? user.role;
    const partnerId = role === 'association' ? (update.partnerId !== undefined ? update.partnerId : user.partnerId) : null;
    if (role === 'association' && !partnerId) {
      throw problems.invalid([{ path: 'partnerId', message: 'Un compte association est rattaché à une association.' }]);
    }
    if (partnerId && partnerId !== user.partnerId && !(await Partner.findByPk(partnerId, { transaction }))) {
      throw problems.invalid([{ path: 'partnerId', message: 'Cette association n’existe pas.' }]);
    }
    const before = { displayName: user.displayName, role: user.role, partnerId: user.partnerId, active: user.active };
    const after = { displayName: update.displayName ?? user.displayName, role, partnerId, active: update.active ?? user.active };
    const diff = changedFields(before, after);
    if (!diff.changed) return { user, endSessions: false };
    user.set(after);
    await user.save({ transaction });
    await recordAudit(transaction, { actorUserId, action: 'update', entityType: 'user', entityId: user.id, before: diff.before, after: diff.after });
    return { user, endSessions: before.role !== after.role || (before.active && !after.active) };
  });
  if (result.endSessions) await DatabaseSessionStore.destroyAllForUser(id);
  return toUserAccount(result.user);
}

/** A new generated password for an account (forgotten password), shown once; the account's sessions end. */
export async function resetUserPassword(id: number, actorUserId: number): Promise<string> {
  const user = await User.findByPk(id);
  if (!user) throw problems.notFound();
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await User.sequelize!.transaction(async (transaction) => {
    await User.update({ passwordHash }, { where: { id }, transaction });
    await recordAudit(transaction, { actorUserId, action: 'password_reset', entityType: 'user', entityId: id });
  });
  await DatabaseSessionStore.destroyAllForUser(id);
  return password;
}
