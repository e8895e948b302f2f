import { literal, Op, QueryTypes, type Transaction, type WhereOptions } from 'sequelize';
import { changedFields, recordAudit } from '../audit/audit.service';
import { versionConflict } from '../audit/version-conflict';
import { addDays } from '../common/town-time';
import { zonedTime } from '../jobs/schedule';
import { foldText } from '../common/text';
import { Contact } from '../contacts/contact.model';
import { FollowUp } from '../follow-ups/follow-up.model';
import { auditCreatedFollowUps, checkAssignees, createDraftFollowUps, followUpViews, type Actor, type Clock } from '../follow-ups/follow-ups.service';
import { keysetPage, sortKeyFrom, type SortKey } from '../http/keyset';
import { problems, type FieldError } from '../http/problem';
import { Objective } from '../objectives/objective.model';
import { Partner } from '../partners/partner.model';
import { reindex } from '../search/search-index';
import { User } from '../users/user.model';
import { Interaction, InteractionContact, InteractionObjective, InteractionParticipant, InteractionPartner } from './interaction.model';
import type { InteractionCreateData, InteractionListItem, InteractionListQueryData, InteractionPage, InteractionUpdateData, InteractionView } from './interactions.schema';

const sortKeys: Record<string, Omit<SortKey, 'direction' | 'name'>> = {
  occurred: { attribute: 'occurredAt', column: 'occurred_at', type: 'date' },
  deleted: { attribute: 'deletedAt', column: 'deleted_at', type: 'date' },
};

const unique = <T>(values: T[]) => [...new Set(values)];

// ---------------------------------------------------------------- reading

/** Partners, contacts, participants and objectives of some interactions, one query per link table. */
export async function interactionItems(rows: Interaction[], transaction?: Transaction | null): Promise<InteractionListItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const options = { transaction: transaction ?? null };
  const [partnerLinks, contactLinks, participantLinks, objectiveLinks] = await Promise.all([
    InteractionPartner.findAll({ where: { interactionId: ids }, ...options }),
    InteractionContact.findAll({ where: { interactionId: ids }, ...options }),
    InteractionParticipant.findAll({ where: { interactionId: ids }, ...options }),
    InteractionObjective.findAll({ where: { interactionId: ids }, ...options }),
  ]);
  const userIds = unique([...participantLinks.map((link) => link.userId), ...rows.map((row) => row.createdByUserId).filter((id): id is number => id !== null)]);
  const [partners, contacts, users, objectives] = await Promise.all([
    partnerLinks.length ? Partner.findAll({ where: { id: unique(partnerLinks.map((link) => link.partnerId)) }, attributes: ['id', 'name', 'kind'], paranoid: false, ...options }) : [],
    contactLinks.length
      ? Contact.findAll({ where: { id: unique(contactLinks.map((link) => link.contactId)) }, attributes: ['id', 'firstName', 'lastName'], paranoid: false, ...options })
      : [],
    userIds.length ? User.findAll({ where: { id: userIds }, attributes: ['id', 'displayName'], ...options }) : [],
    objectiveLinks.length ? Objective.findAll({ where: { id: unique(objectiveLinks.map((link) => link.objectiveId)) }, ...options }) : [],
  ]);
  const partnerById = new Map(partners.map((partner) => [partner.id, { id: partner.id, name: partner.name, kind: partner.kind as string }]));
  const contactById = new Map(contacts.map((contact) => [contact.id, { id: contact.id, fullName: contact.fullName }]));
  const userById = new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
  const objectiveById = new Map(objectives.map((objective) => [objective.id, objective]));
  const french = (a: string, b: string) => a.localeCompare(b, 'fr');
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    occurredAt: row.occurredAt,
    subject: row.subject,
    notes: row.notes,
    location: row.location,
    partners: partnerLinks
      .filter((link) => link.interactionId === row.id)
      .flatMap((link) => partnerById.get(link.partnerId) ?? [])
      .sort((a, b) => french(a.name, b.name)),
    contacts: contactLinks
      .filter((link) => link.interactionId === row.id)
      .flatMap((link) => contactById.get(link.contactId) ?? [])
      .sort((a, b) => french(a.fullName, b.fullName)),
    participants: participantLinks
      .filter((link) => link.interactionId === row.id)
      .flatMap((link) => userById.get(link.userId) ?? [])
      .sort((a, b) => french(a.displayName, b.displayName)),
    objectives: objectiveLinks
      .filter((link) => link.interactionId === row.id)
      .flatMap((link) => objectiveById.get(link.objectiveId) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((objective) => ({ id: objective.id, code: objective.code, title: objective.title })),
    createdBy: row.createdByUserId ? (userById.get(row.createdByUserId) ?? null) : null,
    createdAt: row.createdAt,
    deletedAt: row.deletedAt ?? null,
  }));
}

async function interactionView(row: Interaction, clock: Clock, transaction?: Transaction | null): Promise<InteractionView> {
  const [item] = await interactionItems([row], transaction);
  const followUps = await FollowUp.findAll({ where: { interactionId: row.id }, order: [['dueOn', 'ASC'], ['id', 'ASC']], transaction: transaction ?? null });
  return { ...item!, followUps: await followUpViews(followUps, clock, transaction), version: row.version, updatedAt: row.updatedAt };
}

function escapeList(values: readonly (string | number)[]) {
  return values.map((value) => Interaction.sequelize!.escape(value)).join(', ');
}

function linkFilter(table: string, column: string, ids: readonly number[]): WhereOptions {
  return { id: { [Op.in]: literal(`(SELECT interaction_id FROM ${table} WHERE ${column} IN (${escapeList(ids)}))`) } };
}

/** The WHERE terms and sort key of a filtered list, shared by the list and its export. */
export function interactionListFilters(query: Omit<InteractionListQueryData, 'limit' | 'cursor'>, user: Actor, clock: Clock) {
  const trash = query.deleted === 'true';
  const key = sortKeyFrom(sortKeys, trash ? '-deleted' : query.sort);
  const filters: WhereOptions[] = [];
  if (trash) filters.push({ deletedAt: { [Op.ne]: null } });
  if (query.type?.length) filters.push({ type: query.type });
  if (query.partner?.length) filters.push(linkFilter('interaction_partners', 'partner_id', query.partner));
  if (query.contact?.length) filters.push(linkFilter('interaction_contacts', 'contact_id', query.contact));
  if (query.objective?.length) filters.push(linkFilter('interaction_objectives', 'objective_id', query.objective));
  if (query.participant?.length) {
    filters.push(linkFilter('interaction_participants', 'user_id', query.participant.map((value) => (value === 'me' ? user.id : value))));
  }
  // Days are the town's days: "from 1 December" starts at midnight in the town.
  if (query.from) filters.push({ occurredAt: { [Op.gte]: startOfDay(query.from, clock.timeZone) } });
  if (query.to) filters.push({ occurredAt: { [Op.lt]: startOfDay(addDays(query.to, 1), clock.timeZone) } });
  for (const word of foldText(query.q ?? '').split(' ').filter(Boolean)) {
    // Folded text holds only letters, digits and spaces: no LIKE wildcard can slip in.
    filters.push({ searchText: { [Op.like]: `%${word}%` } });
  }
  return { key, filters, trash };
}

export async function listInteractions(query: InteractionListQueryData, user: Actor, clock: Clock): Promise<InteractionPage> {
  const { key, filters, trash } = interactionListFilters(query, user, clock);
  const page = await keysetPage(key, { limit: query.limit, cursor: query.cursor }, ({ where, order, limit }) =>
    Interaction.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit, paranoid: !trash }),
  );
  return { items: await interactionItems(page.items), nextCursor: page.nextCursor };
}

export function startOfDay(day: string, timeZone: string) {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return zonedTime(year, month, date, 0, 0, timeZone);
}

async function findInteraction(id: number, options: { transaction?: Transaction; includeDeleted?: boolean } = {}) {
  const row = await Interaction.findByPk(id, { paranoid: !options.includeDeleted, transaction: options.transaction ?? null });
  if (!row) throw problems.notFound('Cette interaction n’existe pas ou plus.');
  return row;
}

export async function getInteraction(id: number, clock: Clock) {
  return interactionView(await findInteraction(id, { includeDeleted: true }), clock);
}

function snapshot(view: InteractionListItem): Record<string, unknown> {
  return {
    type: view.type,
    occurredAt: view.occurredAt.toISOString(),
    subject: view.subject,
    notes: view.notes,
    location: view.location,
    partners: view.partners.map((partner) => partner.name),
    contacts: view.contacts.map((contact) => contact.fullName),
    participants: view.participants.map((participant) => participant.displayName),
    objectives: view.objectives.map((objective) => objective.code),
  };
}

// ---------------------------------------------------------------- checks

type Links = { partnerIds?: number[] | undefined; contactIds?: number[] | undefined; participantIds?: number[] | undefined; objectiveIds?: number[] | undefined };

/** Every id must name a live record; `kept` ids (already linked) may name one in the trash. */
async function checkLinks(input: Links, transaction: Transaction, kept: { partnerIds: number[]; contactIds: number[] } = { partnerIds: [], contactIds: [] }) {
  const errors: FieldError[] = [];
  const missing = async (ids: number[] | undefined, path: string, message: string, find: (ids: number[]) => Promise<{ id: number }[]>) => {
    if (!ids?.length) return;
    const found = new Set((await find(unique(ids))).map((row) => row.id));
    ids.forEach((id, index) => {
      if (!found.has(id)) errors.push({ path: `${path}.${index}`, message });
    });
  };
  await missing(input.partnerIds, 'partnerIds', 'Ce partenaire n’existe pas ou a été supprimé.', async (ids) => [
    ...(await Partner.findAll({ where: { id: ids }, attributes: ['id'], transaction })),
    ...kept.partnerIds.filter((id) => ids.includes(id)).map((id) => ({ id })),
  ]);
  await missing(input.contactIds, 'contactIds', 'Ce contact n’existe pas ou a été supprimé.', async (ids) => [
    ...(await Contact.findAll({ where: { id: ids }, attributes: ['id'], transaction })),
    ...kept.contactIds.filter((id) => ids.includes(id)).map((id) => ({ id })),
  ]);
  await missing(input.objectiveIds, 'objectiveIds', 'Objectif du plan inconnu.', (ids) => Objective.findAll({ where: { id: ids }, attributes: ['id'], transaction }));
  if (input.participantIds?.length) {
    const found = new Set((await User.findAll({ where: { id: unique(input.participantIds), role: ['admin', 'officer', 'cabinet'] }, attributes: ['id'], transaction })).map((user) => user.id));
    input.participantIds.forEach((id, index) => {
      if (!found.has(id)) errors.push({ path: `participantIds.${index}`, message: 'Participant inconnu : choisissez un compte de la mairie.' });
    });
  }
  return errors;
}

const nobodyInvolved: FieldError = { path: 'partnerIds', message: 'Indiquez au moins un partenaire ou un contact concerné par cette interaction.' };

// ---------------------------------------------------------------- writing

async function setLinks(interactionId: number, input: Links, transaction: Transaction) {
  const tables = [
    [InteractionPartner, input.partnerIds, 'partnerId'],
    [InteractionContact, input.contactIds, 'contactId'],
    [InteractionParticipant, input.participantIds, 'userId'],
    [InteractionObjective, input.objectiveIds, 'objectiveId'],
  ] as const;
  for (const [model, ids, attribute] of tables) {
    if (ids === undefined) continue;
    await (model as typeof InteractionPartner).destroy({ where: { interactionId }, transaction });
    const rows = unique(ids).map((id) => ({ interactionId, [attribute]: id }));
    if (rows.length) await (model as unknown as typeof InteractionPartner).bulkCreate(rows as never[], { transaction });
  }
}

/**
 * Brings `partners.last_interaction_at` in step for these partners: the latest of their live
 * interactions, in the transaction of the change (see docs/decisions.md). The partner's version does
 * not move: this is not an edit of the partner.
 */
export async function refreshLastInteraction(partnerIds: number[], transaction: Transaction) {
  const ids = unique(partnerIds);
  if (ids.length === 0) return;
  await Interaction.sequelize!.query(
    `UPDATE partners SET last_interaction_at = (
       SELECT MAX(i.occurred_at) FROM interactions i JOIN interaction_partners ip ON ip.interaction_id = i.id
       WHERE ip.partner_id = partners.id AND i.deleted_at IS NULL
     ) WHERE id IN (:ids)`,
    { replacements: { ids }, transaction, type: QueryTypes.UPDATE },
  );
}

async function partnerIdsOf(interactionId: number, transaction: Transaction) {
  return (await InteractionPartner.findAll({ where: { interactionId }, transaction })).map((link) => link.partnerId);
}

/** The quick log: the interaction, its links and its follow-ups, in one transaction. */
export async function createInteraction(input: InteractionCreateData, actor: Actor, clock: Clock): Promise<InteractionView> {
  if (!input.partnerIds?.length && !input.contactIds?.length) throw problems.invalid([nobodyInvolved]);
  return Interaction.sequelize!.transaction(async (transaction) => {
    const drafts = input.followUps ?? [];
    const errors = [
      ...(await checkLinks(input, transaction)),
      ...(await checkAssignees(drafts.map((draft) => draft.assigneeUserId), (index) => `followUps.${index}.assigneeUserId`, transaction)),
    ];
    if (errors.length) throw problems.invalid(errors);
    const row = await Interaction.create(
      {
        type: input.type,
        occurredAt: input.occurredAt ?? new Date(),
        subject: input.subject,
        notes: input.notes ?? null,
        location: input.location ?? null,
        createdByUserId: actor.id,
      },
      { transaction },
    );
    await setLinks(row.id, input, transaction);
    const [item] = await interactionItems([row], transaction);
    await recordAudit(transaction, { actorUserId: actor.id, action: 'create', entityType: 'interaction', entityId: row.id, after: snapshot(item!) });
    const followUps = await createDraftFollowUps(row.id, drafts, actor, transaction);
    await auditCreatedFollowUps(followUps, actor, clock, transaction);
    await refreshLastInteraction(input.partnerIds ?? [], transaction);
    await reindex(transaction, 'interaction', [row.id]);
    return interactionView(row, clock, transaction);
  });
}

export async function updateInteraction(id: number, input: InteractionUpdateData, actor: Actor, clock: Clock): Promise<InteractionView> {
  return Interaction.sequelize!.transaction(async (transaction) => {
    const row = await findInteraction(id, { transaction });
    const before = await interactionView(row, clock, transaction);
    if (input.version !== row.version) throw await versionConflict('interaction', id, before, transaction);
    const partnerIds = input.partnerIds ?? before.partners.map((partner) => partner.id);
    const contactIds = input.contactIds ?? before.contacts.map((contact) => contact.id);
    if (partnerIds.length === 0 && contactIds.length === 0) throw problems.invalid([nobodyInvolved]);
    const errors = await checkLinks(input, transaction, { partnerIds: before.partners.map((partner) => partner.id), contactIds: before.contacts.map((contact) => contact.id) });
    if (errors.length) throw problems.invalid(errors);
    const { version: _version, partnerIds: _p, contactIds: _c, participantIds: _u, objectiveIds: _o, ...fields } = input;
    row.set(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Interaction>);
    await setLinks(id, input, transaction);
    const linksChanged = [input.partnerIds, input.contactIds, input.participantIds, input.objectiveIds].some((ids) => ids !== undefined);
    if (row.changed() || linksChanged) {
      row.changed('updatedAt', true);
      await row.save({ transaction });
    }
    const after = await interactionView(row, clock, transaction);
    const diff = changedFields(snapshot(before), snapshot(after));
    if (diff.changed) {
      await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'interaction', entityId: id, before: diff.before, after: diff.after });
      await reindex(transaction, 'interaction', [id]);
      // Follow-ups name their interaction in the search index.
      await reindex(transaction, 'follow_up', after.followUps.map((followUp) => followUp.id));
    }
    await refreshLastInteraction([...before.partners.map((partner) => partner.id), ...partnerIds], transaction);
    return after;
  });
}

export async function deleteInteraction(id: number, actor: Actor) {
  await Interaction.sequelize!.transaction(async (transaction) => {
    const row = await findInteraction(id, { transaction });
    await row.destroy({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'delete', entityType: 'interaction', entityId: id, before: { subject: row.subject } });
    await refreshLastInteraction(await partnerIdsOf(id, transaction), transaction);
    await reindex(transaction, 'interaction', [id]);
  });
}

export async function restoreInteraction(id: number, actor: Actor, clock: Clock): Promise<InteractionView> {
  return Interaction.sequelize!.transaction(async (transaction) => {
    const row = await findInteraction(id, { transaction, includeDeleted: true });
    if (row.deletedAt) {
      await row.restore({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'restore', entityType: 'interaction', entityId: id, after: { subject: row.subject } });
      await refreshLastInteraction(await partnerIdsOf(id, transaction), transaction);
      await reindex(transaction, 'interaction', [id]);
    }
    return interactionView(row, clock, transaction);
  });
}
