import { Op, type Transaction } from 'sequelize';
import { problems } from '../http/problem';
import { User } from '../users/user.model';
import { AuditEvent } from './audit-event.model';

/** 409 version_conflict with the record as it is now and who changed it last, so the user can compare. */
export async function versionConflict(entityType: string, entityId: number, current: unknown, transaction?: Transaction) {
  const last = await AuditEvent.findOne({
    where: { entityType, entityId, action: { [Op.in]: ['update', 'merge'] } },
    include: [{ model: User, as: 'actor', attributes: ['id', 'displayName'] }],
    order: [['id', 'DESC']],
    transaction,
  });
  const actor = (last as (AuditEvent & { actor?: User | null }) | null)?.actor;
  return problems.conflict('version_conflict', 'Cette fiche a été modifiée entre-temps par quelqu’un d’autre.', {
    current,
    lastChange: last ? { occurredAt: last.occurredAt, actor: actor ? { id: actor.id, displayName: actor.displayName } : null, fields: Object.keys(last.after ?? {}) } : null,
  });
}

