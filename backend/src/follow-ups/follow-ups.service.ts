import { literal, Op, type Transaction, type WhereOptions } from 'sequelize';
import { changedFields, recordAudit } from '../audit/audit.service';
import { versionConflict } from '../audit/version-conflict';
import { dayIn } from '../common/town-time';
import { Contact } from '../contacts/contact.model';
import { keysetPage, sortKeyFrom, type SortKey } from '../http/keyset';
import { problems, type FieldError } from '../http/problem';
import { Interaction, InteractionPartner } from '../interactions/interaction.model';
import { Partner } from '../partners/partner.model';
import { reindex } from '../search/search-index';
import { User } from '../users/user.model';
import { FollowUp } from './follow-up.model';
import type { AssigneeList, FollowUpCreateData, FollowUpDraftData, FollowUpListQueryData, FollowUpPage, FollowUpUpdateData, FollowUpView } from './follow-ups.schema';

export type Actor = { id: number };
/** What a view needs to know of the moment: today's date in the town's time zone. */
export type Clock = { today: string; timeZone: string };

export function clockFor(timeZone: string, now = new Date()): Clock {
  return { today: dayIn(timeZone, now), timeZone };
}

/** Users who can be given a follow-up: active staff (administrators, officers, the mayor's office). */
export const assigneeRoles = ['admin', 'officer', 'cabinet'] as const;

const sortKeys: Record<string, Omit<SortKey, 'direction' | 'name'>> = {
  due: { attribute: 'dueOn', column: 'due_on', type: 'string' },
  created: { attribute: 'createdAt', column: 'created_at', type: 'date' },
  deleted: { attribute: 'deletedAt', column: 'deleted_at', type: 'date' },
};

// ---------------------------------------------------------------- reading

/** The views of some follow-ups, with their people and links loaded in one query each. */
export async function followUpViews(rows: FollowUp[], clock: Clock, transaction?: Transaction | null): Promise<FollowUpView[]> {
  if (rows.length === 0) return [];
  const unique = (values: (number | null)[]) => [...new Set(values.filter((value): value is number => value !== null))];
  const userIds = unique(rows.flatMap((row) => [row.assigneeUserId, row.createdByUserId]));
  const interactionIds = unique(rows.map((row) => row.interactionId));
  // A follow-up of an interaction is shown with the interaction's (first) partner when it has none of its own.
  const links = interactionIds.length
    ? await InteractionPartner.findAll({ where: { interactionId: interactionIds }, order: [['partnerId', 'ASC']], transaction: transaction ?? null })
    : [];
  const partnerOf = (row: FollowUp) => row.partnerId ?? links.find((link) => link.interactionId === row.interactionId)?.partnerId ?? null;
  const partnerIds = unique(rows.map(partnerOf));
  const contactIds = unique(rows.map((row) => row.contactId));
  const [users, interactions, partners, contacts] = await Promise.all([
    userIds.length ? User.findAll({ where: { id: userIds }, attributes: ['id', 'displayName'], transaction: transaction ?? null }) : [],
    interactionIds.length
      ? Interaction.findAll({ where: { id: interactionIds }, attributes: ['id', 'subject', 'type', 'occurredAt'], paranoid: false, transaction: transaction ?? null })
      : [],
    partnerIds.length ? Partner.findAll({ where: { id: partnerIds }, attributes: ['id', 'name'], paranoid: false, transaction: transaction ?? null }) : [],
    contactIds.length ? Contact.findAll({ where: { id: contactIds }, attributes: ['id', 'firstName', 'lastName'], paranoid: false, transaction: transaction ?? null }) : [],
  ]);
  const userById = new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
  const interactionById = new Map(interactions.map((interaction) => [interaction.id, interaction]));
  const partnerById = new Map(partners.map((partner) => [partner.id, { id: partner.id, name: partner.name }]));
  const contactById = new Map(contacts.map((contact) => [contact.id, { id: contact.id, fullName: contact.fullName }]));
  return rows.map((row) => {
    const interaction = row.interactionId ? interactionById.get(row.interactionId) : undefined;
    return {
      id: row.id,
      title: row.title,
      notes: row.notes,
      dueOn: row.dueOn,
      status: row.status,
      assignee: userById.get(row.assigneeUserId) ?? { id: row.assigneeUserId, displayName: '?' },
      interaction: interaction ? { id: interaction.id, subject: interaction.subject, type: interaction.type, occurredAt: interaction.occurredAt } : null,
      partner: partnerById.get(partnerOf(row) ?? 0) ?? null,
      contact: row.contactId ? (contactById.get(row.contactId) ?? null) : null,
      overdue: row.status === 'open' && row.dueOn < clock.today,
      dueBeforeInteraction: interaction ? row.dueOn < dayIn(clock.timeZone, interaction.occurredAt) : false,
      completedAt: row.completedAt,
      createdBy: row.createdByUserId ? (userById.get(row.createdByUserId) ?? null) : null,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      deletedAt: row.deletedAt ?? null,
    };
  });
}

async function followUpView(row: FollowUp, clock: Clock, transaction?: Transaction | null) {
  return (await followUpViews([row], clock, transaction))[0]!;
}

/** The WHERE terms and sort key of a filtered list, shared by the list and its export. */
export function followUpListFilters(query: Omit<FollowUpListQueryData, 'limit' | 'cursor'>, user: Actor, clock: Clock) {
  const trash = query.deleted === 'true';
  const key = sortKeyFrom(sortKeys, trash ? '-deleted' : query.sort);
  const filters: WhereOptions[] = [];
  if (trash) filters.push({ deletedAt: { [Op.ne]: null } });
  if (query.assignee?.length) filters.push({ assigneeUserId: query.assignee.map((value) => (value === 'me' ? user.id : value)) });
  if (query.status?.length) filters.push({ status: query.status });
  if (query.interaction?.length) filters.push({ interactionId: query.interaction });
  if (query.contact?.length) filters.push({ contactId: query.contact });
  if (query.partner?.length) {
    const list = query.partner.map((id) => FollowUp.sequelize!.escape(id)).join(', ');
    // Linked to the partner itself, or to one of its interactions.
    filters.push({
      [Op.or]: [{ partnerId: query.partner }, { interactionId: { [Op.in]: literal(`(SELECT interaction_id FROM interaction_partners WHERE partner_id IN (${list}))`) } }],
    });
  }
  if (query.dueFrom) filters.push({ dueOn: { [Op.gte]: query.dueFrom } });
  if (query.dueTo) filters.push({ dueOn: { [Op.lte]: query.dueTo } });
  if (query.overdue === 'true') filters.push({ status: 'open', dueOn: { [Op.lt]: clock.today } });
  return { key, filters, trash };
}

export async function listFollowUps(query: FollowUpListQueryData, user: Actor, clock: Clock): Promise<FollowUpPage> {
  const { key, filters, trash } = followUpListFilters(query, user, clock);
  const page = await keysetPage(key, { limit: query.limit, cursor: query.cursor }, ({ where, order, limit }) =>
    FollowUp.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit, paranoid: !trash }),
  );
  return { items: await followUpViews(page.items, clock), nextCursor: page.nextCursor };
}

async function findFollowUp(id: number, options: { transaction?: Transaction; includeDeleted?: boolean } = {}) {
  const row = await FollowUp.findByPk(id, { paranoid: !options.includeDeleted, transaction: options.transaction ?? null });
  if (!row) throw problems.notFound('Ce suivi n’existe pas ou plus.');
  return row;
}

export async function getFollowUp(id: number, clock: Clock) {
  return followUpView(await findFollowUp(id, { includeDeleted: true }), clock);
}

function snapshot(view: FollowUpView): Record<string, unknown> {
  return {
    title: view.title,
    notes: view.notes,
    dueOn: view.dueOn,
    status: view.status,
    assignee: view.assignee.displayName,
    interaction: view.interaction?.subject ?? null,
    partner: view.partner?.name ?? null,
    contact: view.contact?.fullName ?? null,
  };
}

// ---------------------------------------------------------------- checks

/** Active staff accounts among these ids; the others are reported at `path(index)`. */
export async function checkAssignees(ids: number[], path: (index: number) => string, transaction: Transaction): Promise<FieldError[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await User.findAll({ where: { id: unique, active: true, role: [...assigneeRoles] }, attributes: ['id'], transaction });
  const known = new Set(found.map((user) => user.id));
  return ids.flatMap((id, index) => (known.has(id) ? [] : [{ path: path(index), message: 'Responsable inconnu ou inactif : choisissez un compte actif de la mairie.' }]));
}

async function checkLinks(input: { interactionId?: number | null; partnerId?: number | null; contactId?: number | null }, transaction: Transaction): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.interactionId && !(await Interaction.findByPk(input.interactionId, { attributes: ['id'], transaction }))) {
    errors.push({ path: 'interactionId', message: 'Cette interaction n’existe pas ou a été supprimée.' });
  }
  if (input.partnerId && !(await Partner.findByPk(input.partnerId, { attributes: ['id'], transaction }))) {
    errors.push({ path: 'partnerId', message: 'Ce partenaire n’existe pas ou a été supprimé.' });
  }
  if (input.contactId && !(await Contact.findByPk(input.contactId, { attributes: ['id'], transaction }))) {
    errors.push({ path: 'contactId', message: 'Ce contact n’existe pas ou a été supprimé.' });
  }
  return errors;
}

// ---------------------------------------------------------------- writing

/** Follow-ups written inside an interaction's quick log, in its transaction (their references are checked by the caller). */
export async function createDraftFollowUps(interactionId: number, drafts: FollowUpDraftData[], actor: Actor, transaction: Transaction) {
  const created: FollowUp[] = [];
  for (const draft of drafts) {
    const row = await FollowUp.create(
      {
        title: draft.title,
        notes: draft.notes ?? null,
        dueOn: draft.dueOn,
        assigneeUserId: draft.assigneeUserId,
        interactionId,
        partnerId: null,
        contactId: null,
        completedAt: null,
        createdByUserId: actor.id,
      },
      { transaction },
    );
    created.push(row);
  }
  return created;
}

export async function auditCreatedFollowUps(rows: FollowUp[], actor: Actor, clock: Clock, transaction: Transaction) {
  for (const view of await followUpViews(rows, clock, transaction)) {
    await recordAudit(transaction, { actorUserId: actor.id, action: 'create', entityType: 'follow_up', entityId: view.id, after: snapshot(view) });
  }
  await reindex(transaction, 'follow_up', rows.map((row) => row.id));
}

export async function createFollowUp(input: FollowUpCreateData, actor: Actor, clock: Clock): Promise<FollowUpView> {
  if (!input.interactionId && !input.partnerId && !input.contactId) {
    throw problems.invalid([{ path: 'partnerId', message: 'Reliez le suivi à une interaction, un partenaire ou un contact.' }]);
  }
  return FollowUp.sequelize!.transaction(async (transaction) => {
    const errors = [...(await checkAssignees([input.assigneeUserId], () => 'assigneeUserId', transaction)), ...(await checkLinks(input, transaction))];
    if (errors.length) throw problems.invalid(errors);
    const row = await FollowUp.create(
      {
        title: input.title,
        notes: input.notes ?? null,
        dueOn: input.dueOn,
        assigneeUserId: input.assigneeUserId,
        interactionId: input.interactionId ?? null,
        partnerId: input.partnerId ?? null,
        contactId: input.contactId ?? null,
        completedAt: null,
        createdByUserId: actor.id,
      },
      { transaction },
    );
    await auditCreatedFollowUps([row], actor, clock, transaction);
    return followUpView(row, clock, transaction);
  });
}

export async function updateFollowUp(id: number, input: FollowUpUpdateData, actor: Actor, clock: Clock): Promise<FollowUpView> {
  return FollowUp.sequelize!.transaction(async (transaction) => {
    const row = await findFollowUp(id, { transaction });
    const before = await followUpView(row, clock, transaction);
    if (input.version !== row.version) throw await versionConflict('follow_up', id, before, transaction);
    const errors = [
      ...(input.assigneeUserId !== undefined && input.assigneeUserId !== row.assigneeUserId ? await checkAssignees([input.assigneeUserId], () => 'assigneeUserId', transaction) : []),
      ...(await checkLinks({ partnerId: input.partnerId, contactId: input.contactId }, transaction)),
    ];
    if (errors.length) throw problems.invalid(errors);
    const { version: _version, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<FollowUp>;
    const next = { partnerId: row.partnerId, contactId: row.contactId, ...changes };
    if (!row.interactionId && !next.partnerId && !next.contactId) {
      throw problems.invalid([{ path: 'partnerId', message: 'Reliez le suivi à une interaction, un partenaire ou un contact.' }]);
    }
    row.set(changes);
    if (input.status && input.status !== before.status) row.completedAt = input.status === 'done' ? new Date() : null;
    if (row.changed()) await row.save({ transaction });
    const after = await followUpView(row, clock, transaction);
    const diff = changedFields(snapshot(before), snapshot(after));
    if (diff.changed) {
      // Completing, reopening, reassigning or postponing are updates whose fields tell which.
      await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'follow_up', entityId: id, before: diff.before, after: diff.after });
      await reindex(transaction, 'follow_up', [id]);
    }
    return after;
  });
}

export async function deleteFollowUp(id: number, actor: Actor) {
  await FollowUp.sequelize!.transaction(async (transaction) => {
    const row = await findFollowUp(id, { transaction });
    await row.destroy({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'delete', entityType: 'follow_up', entityId: id, before: { title: row.title } });
    await reindex(transaction, 'follow_up', [id]);
  });
}

export async function restoreFollowUp(id: number, actor: Actor, clock: Clock): Promise<FollowUpView> {
  return FollowUp.sequelize!.transaction(async (transaction) => {
    const row = await findFollowUp(id, { transaction, includeDeleted: true });
    if (row.deletedAt) {
      await row.restore({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'restore', entityType: 'follow_up', entityId: id, after: { title: row.title } });
      await reindex(transaction, 'follow_up', [id]);
    }
    return followUpView(row, clock, transaction);
  });
}

/** The accounts that can be given a follow-up or take part in an interaction, for the forms. */
export async function listAssignees(): Promise<AssigneeList> {
  const users = await User.findAll({ where: { role: [...assigneeRoles], active: true }, attributes: ['id', 'displayName', 'role'], order: [['displayName', 'ASC']] });
  return { items: users.map((user) => ({ id: user.id, displayName: user.displayName, role: user.role })) };
}
