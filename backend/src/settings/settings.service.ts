import { recordAudit } from '../audit/audit.service';
import { problems } from '../http/problem';
import type { Role } from '../users/users.schema';
import { Setting } from './setting.model';
import { staffRoles, type SecuritySettings, type SecuritySettingsUpdate } from './settings.schema';

const securityKey = 'security';
const securityDefaults = { twoFactorRequiredForStaff: false };

export async function securitySettings(): Promise<SecuritySettings> {
  const row = await Setting.findByPk(securityKey);
  return { ...securityDefaults, ...(row?.value ?? {}), version: row?.version ?? 0 };
}

/** Whether a user of this role must sign in with a second factor. */
export async function twoFactorRequiredFor(role: Role): Promise<boolean> {
  return (staffRoles as readonly string[]).includes(role) && (await securitySettings()).twoFactorRequiredForStaff;
}

export async function updateSecuritySettings(update: SecuritySettingsUpdate, actorUserId: number): Promise<SecuritySettings> {
  const sequelize = Setting.sequelize!;
  return sequelize.transaction(async (transaction) => {
    const row = await Setting.findByPk(securityKey, { transaction, lock: transaction.LOCK.UPDATE });
    const current = { ...securityDefaults, ...(row?.value ?? {}) };
    if ((row?.version ?? 0) !== update.version) {
      throw problems.conflict('version_conflict', 'Ces réglages ont été modifiés entre-temps par quelqu’un d’autre.', {
        current: { ...current, version: row?.version ?? 0 },
      });
    }
    const value = { twoFactorRequiredForStaff: update.twoFactorRequiredForStaff };
    // The row is made by its migration.
    if (!row) throw problems.notFound();
    row.value = value;
    row.updatedByUserId = actorUserId;
    row.changed('value', true);
    const saved = await row.save({ transaction });
    await recordAudit(transaction, { actorUserId, action: 'update', entityType: 'settings', entityId: null, before: current, after: value });
    return { ...value, version: saved.version };
  });
}
