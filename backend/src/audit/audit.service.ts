import type { Transaction } from 'sequelize';
import { AuditEvent, type AuditAction } from './audit-event.model';

export type AuditInput = {
  actorUserId: number | null | undefined;
  action: AuditAction;
  entityType: string;
  entityId: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Writes who changed what, from which value to which, in the transaction of the change itself. */
export async function recordAudit(transaction: Transaction | null, input: AuditInput) {
  return AuditEvent.create(
    {
      occurredAt: new Date(),
      actorUserId: input.actorUserId ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: input.before ?? null,
      after: input.after ?? null,
    },
    { transaction },
  );
}

/** The fields that differ between two snapshots, as the before and after of an update event. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter, changed: Object.keys(changedAfter).length > 0 };
}
