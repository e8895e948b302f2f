import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Transaction } from 'sequelize';
import { recordAudit } from '../audit/audit.service';
import { problems } from '../http/problem';
import { User } from '../users/user.model';
import { RecoveryCode } from './recovery-code.model';
import type { SecretBox } from './secret-box';

const issuer = 'Passerelles';
const period = 30;
/** One time step either side, for clocks that drift a little. */
const toleranceSeconds = period;
const recoveryCodeCount = 10;
/** Recovery codes avoid letters that look alike (0/O, 1/I/L). */
const recoveryAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export type TwoFactorSetup = { secret: string; otpauthUri: string; qrCode: string };

/** A new secret for a user about to enrol, with its otpauth:// URI and that URI as a QR code (SVG data URL, drawn here). */
export async function newTwoFactorSetup(email: string): Promise<TwoFactorSetup> {
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer, label: email, secret });
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The time step a code belongs to, or null when the code is wrong. */
export async function matchingStep(secret: string, code: string, now = Date.now()): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(now / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: toleranceSeconds });
  if (!result.valid) return null;
  if ('timeStep' in result && typeof result.timeStep === 'number') return result.timeStep;
  return Math.floor(epoch / period) + ('delta' in result && typeof result.delta === 'number' ? result.delta : 0);
}

/**
 * Checks a code at sign-in against the user's secret; a code is accepted once only (its time step must
 * be later than the last one used), so that a code seen over someone's shoulder cannot be replayed.
 */
export async function verifySignInCode(user: User, code: string, box: SecretBox): Promise<boolean> {
  const secret = user.totpSecret ? box.open(user.totpSecret) : null;
  if (!secret || !user.totpEnabledAt) return false;
  const step = await matchingStep(secret, code);
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) return false;
  // Only one concurrent request can move the step forward.
  const [updated] = await User.update(
    { totpLastStep: step },
    { where: { id: user.id, ...(user.totpLastStep === null ? { totpLastStep: null } : { totpLastStep: user.totpLastStep }) } },
  );
  return updated === 1;
}

/** Uses up one recovery code of the user; false if it is unknown or already used. */
export async function useRecoveryCode(user: User, code: string): Promise<boolean> {
  const row = await RecoveryCode.findOne({ where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null } });
  if (!row) return false;
  const [updated] = await RecoveryCode.update({ usedAt: new Date() }, { where: { id: row.id, usedAt: null } });
  if (updated !== 1) return false;
  await recordAudit(null, { actorUserId: user.id, action: 'recovery_code_used', entityType: 'user', entityId: user.id });
  return true;
}

/** Turns two-factor sign-in on with a secret the user has proved they hold; returns the recovery codes, shown once. */
export async function enableTwoFactor(userId: number, secret: string, step: number, box: SecretBox): Promise<string[]> {
  return User.sequelize!.transaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction });
    if (!user || !user.active) throw problems.unauthenticated();
    if (user.totpEnabledAt) throw alreadyEnabled();
    await User.update({ totpSecret: box.seal(secret), totpEnabledAt: new Date(), totpLastStep: step }, { where: { id: userId }, transaction });
    await recordAudit(transaction, { actorUserId: userId, action: 'two_factor_enable', entityType: 'user', entityId: userId });
    return replaceRecoveryCodes(userId, transaction);
  });
}

export async function disableTwoFactor(userId: number, actorUserId: number) {
  await User.sequelize!.transaction(async (transaction) => {
    await User.update({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }, { where: { id: userId }, transaction });
    await RecoveryCode.destroy({ where: { userId }, transaction });
    await recordAudit(transaction, { actorUserId, action: 'two_factor_disable', entityType: 'user', entityId: userId });
  });
}

export async function regenerateRecoveryCodes(userId: number): Promise<string[]> {
  return User.sequelize!.transaction(async (transaction) => {
    const codes = await replaceRecoveryCodes(userId, transaction);
    await recordAudit(transaction, { actorUserId: userId, action: 'recovery_codes_regenerate', entityType: 'user', entityId: userId });
    return codes;
  });
}

export async function unusedRecoveryCodes(userId: number) {
  return RecoveryCode.count({ where: { userId, usedAt: null } });
}

async function replaceRecoveryCodes(userId: number, transaction: Transaction) {
  await RecoveryCode.destroy({ where: { userId }, transaction });
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await RecoveryCode.bulkCreate(
    codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), usedAt: null })),
    { transaction },
  );
  return codes;
}

/** Ten characters from a 31-letter alphabet (about 50 bits), shown as XXXXX-XXXXX. */
function newRecoveryCode() {
  const characters = Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join('');
  return `${characters.slice(0, 5)}-${characters.slice(5)}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. A fast hash is enough for 50 random bits. */
export function hashRecoveryCode(code: string) {
  const normalized = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(`passerelles-recovery:${normalized}`).digest('hex');
}

export const alreadyEnabled = () =>
  problems.conflict('two_factor_already_enabled', 'La double authentification est déjà activée sur ce compte.');
