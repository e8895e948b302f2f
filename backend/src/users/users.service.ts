import type { Transaction } from 'sequelize';
import { recordAudit } from '../audit/audit.service';
import { generatePassword, hashPassword, passwordRules, verifyPassword } from '../auth/password';
import { problems } from '../http/problem';
import { User } from './user.model';
import type { Role } from './users.schema';

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
  const password = input.password ?? generatePassword();
  if (password.length < passwordRules.minLength || password.length > passwordRules.maxLength) {
    throw problems.invalid([
      { path: 'password', message: `Le mot de passe doit compter de ${passwordRules.minLength} à ${passwordRules.maxLength} caractères.` },
    ]);
  }
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
  const user = await User.findByPk(id);
  return user && user.active ? user : null;
}
