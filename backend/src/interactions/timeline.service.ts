import { literal, Op, type WhereOptions } from 'sequelize';
import { AuditEvent } from '../audit/audit-event.model';
import { Contact } from '../contacts/contact.model';
import { FollowUp } from '../follow-ups/follow-up.model';
import { followUpViews, type Clock } from '../follow-ups/follow-ups.service';
import { problems } from '../http/problem';
import { Partner } from '../partners/partner.model';
import { User } from '../users/user.model';
import { Interaction } from './interaction.model';
import { interactionItems } from './interactions.service';
import type { TimelineEntry, TimelineKind, TimelinePage, TimelineQueryData } from './interactions.schema';

/** Newest first; at the same instant, interactions before follow-ups before changes, then by id. */
const rank: Record<TimelineKind, number> = { interaction: 3, follow_up: 2, change: 1 };

type Cursor = { at: Date; rank: number; id: number };

function encode(entry: { at: Date; kind: TimelineKind; id: number }) {
  return Buffer.from(JSON.stringify({ a: entry.at.toISOString(), r: rank[entry.kind], i: entry.id })).toString('base64url');
}

function decode(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { a: string; r: number; i: number };
    const at = new Date(value.a);
    if (Number.isNaN(at.getTime()) || !Number.isInteger(value.r) || !Number.isInteger(value.i)) throw new Error('bad cursor');
    return { at, rank: value.r, id: value.i };
  } catch {
    throw problems.invalid([{ path: 'query.cursor', message: 'Ce curseur de pagination n’est pas valide ; revenez au début du fil.' }]);
  }
}

/** The rows of one source that come after the cursor, in the timeline's order. */
function after(cursor: Cursor | undefined, kind: TimelineKind, attribute: string): WhereOptions | undefined {
  if (!cursor) return undefined;
  const own = rank[kind];
  if (own < cursor.rank) return { [attribute]: { [Op.lte]: cursor.at } };
  if (own > cursor.rank) return { [attribute]: { [Op.lt]: cursor.at } };
  return { [Op.or]: [{ [attribute]: { [Op.lt]: cursor.at } }, { [attribute]: cursor.at, id: { [Op.lt]: cursor.id } }] };
}

type Subject = { entityType: 'partner' | 'contact'; id: number };

/**
 * A partner's or a contact's timeline: its interactions, its follow-ups (its own and those of its
 * interactions) and the changes of its record (profile, relationships, merges), newest first. Each
 * source reads `limit + 1` rows after the cursor; the merge keeps the first `limit`.
 */
export async function timeline(subject: Subject, query: TimelineQueryData, clock: Clock): Promise<TimelinePage> {
  const exists =
    subject.entityType === 'partner'
      ? await Partner.findByPk(subject.id, { paranoid: false, attributes: ['id'] })
      : await Contact.findByPk(subject.id, { paranoid: false, attributes: ['id'] });
  if (!exists) throw problems.notFound(subject.entityType === 'partner' ? 'Ce partenaire n’existe pas ou plus.' : 'Ce contact n’existe pas ou plus.');
  const kinds = new Set(query.kind?.length ? query.kind : (['interaction', 'follow_up', 'change'] as const));
  const cursor = decode(query.cursor);
  const limit = query.limit + 1;
  const linkTable = subject.entityType === 'partner' ? 'interaction_partners' : 'interaction_contacts';
  const linkColumn = subject.entityType === 'partner' ? 'partner_id' : 'contact_id';
  const ofSubject = literal(`(SELECT interaction_id FROM ${linkTable} WHERE ${linkColumn} = ${Number(subject.id)})`);
  const and = (...conditions: (WhereOptions | undefined)[]) => ({ [Op.and]: conditions.filter(Boolean) as WhereOptions[] });

  const [interactions, followUps, changes] = await Promise.all([
    kinds.has('interaction')
      ? Interaction.findAll({
          where: and({ id: { [Op.in]: ofSubject } }, query.type?.length ? { type: query.type } : undefined, after(cursor, 'interaction', 'occurredAt')),
          order: [['occurredAt', 'DESC'], ['id', 'DESC']],
          limit,
        })
      : [],
    kinds.has('follow_up')
      ? FollowUp.findAll({
          where: and(
            { [Op.or]: [{ [subject.entityType === 'partner' ? 'partnerId' : 'contactId']: subject.id }, { interactionId: { [Op.in]: ofSubject } }] },
            after(cursor, 'follow_up', 'createdAt'),
          ),
          order: [['createdAt', 'DESC'], ['id', 'DESC']],
          limit,
        })
      : [],
    kinds.has('change')
      ? AuditEvent.findAll({
          where: and({ entityType: subject.entityType, entityId: subject.id }, after(cursor, 'change', 'occurredAt')),
          include: [{ model: User, as: 'actor', attributes: ['id', 'displayName'] }],
          order: [['occurredAt', 'DESC'], ['id', 'DESC']],
          limit,
        })
      : [],
  ]);

  type Pending = { kind: TimelineKind; at: Date; id: number };
  const merged: Pending[] = [
    ...interactions.map((row) => ({ kind: 'interaction' as const, at: row.occurredAt, id: row.id })),
    ...followUps.map((row) => ({ kind: 'follow_up' as const, at: row.createdAt, id: row.id })),
    ...changes.map((row) => ({ kind: 'change' as const, at: row.occurredAt, id: row.id })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || rank[b.kind] - rank[a.kind] || b.id - a.id);
  const page = merged.slice(0, query.limit);
  const nextCursor = merged.length > query.limit ? encode(page.at(-1)!) : null;

  const keep = (kind: TimelineKind) => new Set(page.filter((entry) => entry.kind === kind).map((entry) => entry.id));
  const [interactionViews, followUpList] = await Promise.all([
    interactionItems(interactions.filter((row) => keep('interaction').has(row.id))),
    followUpViews(followUps.filter((row) => keep('follow_up').has(row.id)), clock),
  ]);
  const items: TimelineEntry[] = page.map((entry) => {
    if (entry.kind === 'interaction') return { kind: entry.kind, at: entry.at, interaction: interactionViews.find((view) => view.id === entry.id)! };
    if (entry.kind === 'follow_up') return { kind: entry.kind, at: entry.at, followUp: followUpList.find((view) => view.id === entry.id)! };
    const event = changes.find((row) => row.id === entry.id)! as AuditEvent & { actor?: User | null };
    return {
      kind: entry.kind,
      at: entry.at,
      change: {
        id: event.id,
        entityType: event.entityType,
        action: event.action,
        actor: event.actor ? { id: event.actor.id, displayName: event.actor.displayName } : null,
        before: event.before,
        after: event.after,
      },
    };
  });
  return { items, nextCursor };
}
