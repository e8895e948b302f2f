import type { HistoryPage } from '../common/fields.schema';
import { keysetPage, type SortKey } from '../http/keyset';
import type { PageQuery } from '../http/pagination.schema';
import { User } from '../users/user.model';
import { AuditEvent } from './audit-event.model';

const newestFirst: SortKey = { name: 'history', attribute: 'id', column: 'id', direction: 'desc', type: 'number' };

/** A record's audit events, newest first, with the display name of who acted. */
export async function listHistory(entityType: string, entityId: number, page: PageQuery): Promise<HistoryPage> {
  const result = await keysetPage(newestFirst, page, ({ where, order, limit }) =>
    AuditEvent.findAll({
      where: { entityType, entityId, ...(where ? { ...where } : {}) },
      include: [{ model: User, as: 'actor', attributes: ['id', 'displayName'] }],
      order,
      limit,
    }),
  );
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((event) => {
      const actor = (event as AuditEvent & { actor?: User | null }).actor;
      return {
        id: event.id,
        occurredAt: event.occurredAt,
        action: event.action,
        actor: actor ? { id: actor.id, displayName: actor.displayName } : null,
        before: event.before,
        after: event.after,
      };
    }),
  };
}
