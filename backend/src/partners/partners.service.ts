import { distance } from 'fastest-levenshtein';
import { literal, Op, type Transaction, type WhereOptions } from 'sequelize';
import { changedFields, recordAudit } from '../audit/audit.service';
import { versionConflict } from '../audit/version-conflict';
import { isCountryCode } from '../common/countries';
import type { MergeRequest } from '../common/fields.schema';
import { foldText } from '../common/text';
import { keysetPage, sortKeyFrom, type SortKey } from '../http/keyset';
import { problems, type FieldError } from '../http/problem';
import { Objective } from '../objectives/objective.model';
import { contactIdsOfPartners } from '../contacts/contact.search';
import { reindex } from '../search/search-index';
import { User } from '../users/user.model';
import { partnerRepointers } from './partner-merge';
import { Partner, PartnerObjective, PartnerTag } from './partner.model';
import type {
  DuplicateCandidate,
  PartnerCreateData,
  PartnerListItem,
  PartnerListQueryData,
  PartnerPage,
  PartnerUpdateData,
  PartnerView,
} from './partners.schema';

type Actor = { id: number };
type ParsedCreate = PartnerCreateData;
type ParsedUpdate = PartnerUpdateData;
type ParsedListQuery = PartnerListQueryData;

const sortKeys: Record<string, Omit<SortKey, 'direction' | 'name'>> = {
  name: { attribute: 'sortName', column: 'sort_name', type: 'string' },
  lastInteraction: { attribute: 'lastInteractionAt', column: 'last_interaction_at', type: 'date', nullable: true },
  created: { attribute: 'createdAt', column: 'created_at', type: 'date' },
  deleted: { attribute: 'deletedAt', column: 'deleted_at', type: 'date' },
};

/** Similarity of two folded names from which a new partner is a probable duplicate. */
const duplicateSimilarity = 0.85;

// ---------------------------------------------------------------- reading

/** The tags and owners of a page of partners, in one query each (no query per row), as plain rows. */
export async function listExtras(partners: Partner[], transaction?: Transaction) {
  const ids = partners.map((partner) => partner.id);
  const ownerIds = [...new Set(partners.map((partner) => partner.ownerUserId).filter((id): id is number => id !== null))];
  const [tags, owners] = await Promise.all([
    ids.length ? PartnerTag.findAll({ where: { partnerId: ids }, raw: true, transaction }) : [],
    ownerIds.length ? User.findAll({ where: { id: ownerIds }, attributes: ['id', 'displayName'], raw: true, transaction }) : [],
  ]);
  const tagsOf = new Map<number, string[]>();
  for (const row of tags) tagsOf.set(row.partnerId, [...(tagsOf.get(row.partnerId) ?? []), row.tag]);
  // Sorted here, the French way, so that both engines give the same order whatever their collation.
  for (const list of tagsOf.values()) list.sort((a, b) => a.localeCompare(b, 'fr'));
  const ownerOf = new Map(owners.map((owner) => [owner.id, { id: owner.id, displayName: owner.displayName }]));
  return {
    tags: (partner: Partner) => tagsOf.get(partner.id) ?? [],
    owner: (partner: Partner) => (partner.ownerUserId ? (ownerOf.get(partner.ownerUserId) ?? null) : null),
  };
}

/** The columns a list row shows, and the sort keys: no long text is read or built for a page of 25. */
const listAttributes = ['id', 'name', 'sortName', 'localNames', 'kind', 'country', 'city', 'status', 'ownerUserId', 'lastInteractionAt', 'createdAt', 'deletedAt'];

function listItem(partner: Partner, extras: Awaited<ReturnType<typeof listExtras>>): PartnerListItem {
  return {
    id: partner.id,
    name: partner.name,
    localNames: partner.localNames,
    kind: partner.kind,
    country: partner.country,
    city: partner.city,
    status: partner.status,
    tags: extras.tags(partner),
    owner: extras.owner(partner),
    lastInteractionAt: partner.lastInteractionAt ?? null,
    createdAt: partner.createdAt,
    deletedAt: partner.deletedAt ?? null,
  };
}

function escapeList(values: readonly (string | number)[]) {
  const sequelize = Partner.sequelize!;
  return values.map((value) => sequelize.escape(value)).join(', ');
}

/** The WHERE terms and sort key of a filtered list, shared by the list and its export. */
export function partnerListFilters(query: Omit<ParsedListQuery, 'limit' | 'cursor'>) {
  const trash = query.deleted === 'true';
  // The trash lists the most recently deleted first, whatever the requested sort.
  const key = trash ? sortKeyFrom(sortKeys, '-deleted') : sortKeyFrom(sortKeys, query.sort);
  const filters: WhereOptions[] = [];
  if (trash) filters.push({ deletedAt: { [Op.ne]: null } });
  if (query.kind?.length) filters.push({ kind: query.kind });
  if (query.status?.length) filters.push({ status: query.status });
  if (query.country?.length) filters.push({ country: query.country });
  if (query.owner?.length) filters.push({ ownerUserId: query.owner });
  if (query.tag?.length) {
    filters.push({ id: { [Op.in]: literal(`(SELECT partner_id FROM partner_tags WHERE tag IN (${escapeList(query.tag)}))`) } });
  }
  if (query.objective?.length) {
    filters.push({
      id: { [Op.in]: literal(`(SELECT partner_id FROM partner_objectives WHERE objective_id IN (${escapeList(query.objective)}))`) },
    });
  }
  for (const word of foldText(query.q ?? '').split(' ').filter(Boolean)) {
    // Folded text holds only letters, digits and spaces: no LIKE wildcard can slip in.
    filters.push({ searchText: { [Op.like]: `%${word}%` } });
  }
  return { key, filters, trash };
}

export async function listPartners(query: ParsedListQuery): Promise<PartnerPage> {
  const { key, filters, trash } = partnerListFilters(query);
  const page = await keysetPage(key, { limit: query.limit, cursor: query.cursor }, ({ where, order, limit }) =>
    Partner.findAll({ attributes: [...new Set([...listAttributes, key.attribute])], where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit, paranoid: !trash }),
  );
  const extras = await listExtras(page.items);
  return { items: page.items.map((partner) => listItem(partner, extras)), nextCursor: page.nextCursor };
}

async function findPartner(id: number, options: { transaction?: Transaction; includeDeleted?: boolean } = {}) {
  // Within a write, the row is locked: a concurrent change waits, then sees the new version and is
  // answered with a version conflict carrying the current record (MariaDB's snapshot would hide it).
  const partner = await Partner.findByPk(id, {
    paranoid: !options.includeDeleted,
    transaction: options.transaction,
    lock: options.transaction ? options.transaction.LOCK.UPDATE : undefined,
  });
  if (!partner) throw problems.notFound('Ce partenaire n’existe pas ou plus.');
  return partner;
}

export async function partnerView(partner: Partner, transaction?: Transaction): Promise<PartnerView> {
  const [extras, objectiveLinks] = await Promise.all([
    listExtras([partner], transaction),
    PartnerObjective.findAll({ where: { partnerId: partner.id }, include: [{ model: Objective, as: 'objective' }], transaction }),
  ]);
  const objectives = objectiveLinks
    .map((link) => (link as PartnerObjective & { objective: Objective }).objective)
    .sort((a, b) => a.position - b.position)
    .map((objective) => ({ id: objective.id, code: objective.code, title: objective.title }));
  return {
    ...listItem(partner, extras),
    website: partner.website,
    description: partner.description,
    objectives,
    charterSignedOn: partner.charterSignedOn,
    labelObtainedOn: partner.labelObtainedOn,
    labelRenewalDueOn: partner.labelRenewalDueOn,
    publicActivities: partner.publicActivities,
    publicNeeds: partner.publicNeeds,
    publicEvents: partner.publicEvents ?? null,
    publicEmail: partner.publicEmail,
    publicPhone: partner.publicPhone,
    hasLogo: Boolean(partner.logoFile),
    isExample: partner.isExample,
    version: partner.version,
    updatedAt: partner.updatedAt,
  };
}

/** A partner, deleted ones included: their page offers to restore them. */
export async function getPartner(id: number) {
  return partnerView(await findPartner(id, { includeDeleted: true }));
}

/** What the history keeps of a partner: the fields as a reader names them (owner and objectives by name). */
export function snapshot(view: PartnerView): Record<string, unknown> {
  return {
    name: view.name,
    localNames: view.localNames,
    kind: view.kind,
    country: view.country,
    city: view.city,
    website: view.website,
    description: view.description,
    status: view.status,
    tags: view.tags,
    owner: view.owner?.displayName ?? null,
    objectives: view.objectives.map((objective) => objective.code),
    charterSignedOn: view.charterSignedOn,
    labelObtainedOn: view.labelObtainedOn,
    labelRenewalDueOn: view.labelRenewalDueOn,
    publicActivities: view.publicActivities,
    publicNeeds: view.publicNeeds,
    publicEvents: view.publicEvents,
    publicEmail: view.publicEmail,
    publicPhone: view.publicPhone,
    logo: view.hasLogo,
  };
}

// ---------------------------------------------------------------- checks

async function checkReferences(input: { country?: string | null; ownerUserId?: number | null; objectiveIds?: number[] | undefined }, transaction: Transaction) {
  const errors: FieldError[] = [];
  if (input.country && !isCountryCode(input.country)) {
    errors.push({ path: 'country', message: `Pays inconnu : « ${input.country} » n’est pas un code ISO 3166-1 (exemple : FR, DE).` });
  }
  if (input.ownerUserId) {
    const owner = await User.findByPk(input.ownerUserId, { transaction });
    if (!owner || !owner.active || !['admin', 'officer'].includes(owner.role)) {
      errors.push({ path: 'ownerUserId', message: 'Le référent doit être un chargé de mission ou un administrateur actif.' });
    }
  }
  if (input.objectiveIds?.length) {
    const found = await Objective.count({ where: { id: [...new Set(input.objectiveIds)] }, transaction });
    if (found !== new Set(input.objectiveIds).size) errors.push({ path: 'objectiveIds', message: 'Objectif du plan inconnu.' });
  }
  if (errors.length) throw problems.invalid(errors);
}

function checkDates(input: { labelObtainedOn?: string | null; labelRenewalDueOn?: string | null }) {
  if (input.labelObtainedOn && input.labelRenewalDueOn && input.labelRenewalDueOn < input.labelObtainedOn) {
    throw problems.invalid([{ path: 'labelRenewalDueOn', message: 'Le renouvellement ne peut précéder l’obtention du label.' }]);
  }
}

/**
 * Folded names are similar: the same, one inside the other (whole words, and at least half of it),
 * or a normalized Levenshtein similarity of 0.85 or more.
 */
export function similarNames(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 4 && shorter.length * 2 >= longer.length && ` ${longer} `.includes(` ${shorter} `)) return true;
  return 1 - distance(a, b) / longer.length >= duplicateSimilarity;
}

/** Partners of the same country (or without country, when none is given) whose name is similar. */
export async function findDuplicatePartners(name: string, country: string | null, transaction?: Transaction, excludeId?: number): Promise<DuplicateCandidate[]> {
  const folded = foldText(name);
  const rows = await Partner.findAll({
    where: { country: country ?? null, ...(excludeId ? { id: { [Op.ne]: excludeId } } : {}) },
    attributes: ['id', 'name', 'sortName', 'kind', 'country', 'city'],
    transaction,
  });
  return rows
    .filter((row) => similarNames(folded, row.sortName))
    .slice(0, 10)
    .map((row) => ({ id: row.id, name: row.name, kind: row.kind, country: row.country, city: row.city }));
}

// ---------------------------------------------------------------- writing

async function setTags(partnerId: number, tags: string[], transaction: Transaction) {
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  const unique = [...seen.values()];
  await PartnerTag.destroy({ where: { partnerId }, transaction });
  if (unique.length) await PartnerTag.bulkCreate(unique.map((tag) => ({ partnerId, tag })), { transaction });
}

async function setObjectives(partnerId: number, objectiveIds: number[], transaction: Transaction) {
  await PartnerObjective.destroy({ where: { partnerId }, transaction });
  const unique = [...new Set(objectiveIds)];
  if (unique.length) await PartnerObjective.bulkCreate(unique.map((objectiveId) => ({ partnerId, objectiveId })), { transaction });
}

function columnsOf(input: ParsedUpdate | ParsedCreate) {
  const { tags: _tags, objectiveIds: _objectiveIds, version: _version, confirmDuplicate: _confirm, ...fields } = input as ParsedUpdate & ParsedCreate;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

export async function createPartner(input: ParsedCreate, actor: Actor): Promise<PartnerView> {
  checkDates(input);
  return Partner.sequelize!.transaction(async (transaction) => {
    await checkReferences(input, transaction);
    if (!input.confirmDuplicate) {
      const candidates = await findDuplicatePartners(input.name, input.country ?? null, transaction);
      if (candidates.length) {
        throw problems.conflict('probable_duplicate', 'Un partenaire au nom très proche existe déjà dans ce pays.', { candidates });
      }
    }
    const partner = await Partner.create(
      {
        name: input.name,
        sortName: foldText(input.name),
        localNames: input.localNames ?? {},
        kind: input.kind,
        country: input.country ?? null,
        city: input.city ?? null,
        website: input.website ?? null,
        description: input.description ?? null,
        status: input.status ?? 'active',
        ownerUserId: input.ownerUserId ?? null,
        charterSignedOn: input.charterSignedOn ?? null,
        labelObtainedOn: input.labelObtainedOn ?? null,
        labelRenewalDueOn: input.labelRenewalDueOn ?? null,
        publicActivities: input.publicActivities ?? null,
        publicNeeds: input.publicNeeds ?? null,
        publicEvents: input.publicEvents ?? null,
        publicEmail: input.publicEmail ?? null,
        publicPhone: input.publicPhone ?? null,
        seedKey: null,
        deletedAt: null,
      },
      { transaction },
    );
    await setTags(partner.id, input.tags ?? [], transaction);
    await setObjectives(partner.id, input.objectiveIds ?? [], transaction);
    const view = await partnerView(partner, transaction);
    await recordAudit(transaction, { actorUserId: actor.id, action: 'create', entityType: 'partner', entityId: partner.id, after: snapshot(view) });
    await reindex(transaction, 'partner', [partner.id]);
    return view;
  });
}

export async function updatePartner(id: number, input: ParsedUpdate, actor: Actor): Promise<PartnerView> {
  return Partner.sequelize!.transaction(async (transaction) => {
    const partner = await findPartner(id, { transaction });
    const before = await partnerView(partner, transaction);
    if (input.version !== partner.version) throw await versionConflict('partner', id, before, transaction);
    checkDates({ labelObtainedOn: input.labelObtainedOn ?? partner.labelObtainedOn, labelRenewalDueOn: input.labelRenewalDueOn ?? partner.labelRenewalDueOn });
    await checkReferences(input, transaction);
    partner.set(columnsOf(input) as Partial<Partner>);
    if (input.tags) await setTags(id, input.tags, transaction);
    if (input.objectiveIds) await setObjectives(id, input.objectiveIds, transaction);
    const linksChanged = input.tags !== undefined || input.objectiveIds !== undefined;
    // A change of tags or objectives alone still makes a new version, so that others see it.
    if (partner.changed() || linksChanged) {
      partner.changed('updatedAt', true);
      await partner.save({ transaction });
    }
    const after = await partnerView(partner, transaction);
    const diff = changedFields(snapshot(before), snapshot(after));
    if (diff.changed) {
      await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'partner', entityId: id, before: diff.before, after: diff.after });
      await reindex(transaction, 'partner', [id]);
      if ('name' in diff.after) await reindexPeopleOf([id], transaction);
    }
    return after;
  });
}

export async function deletePartner(id: number, actor: Actor) {
  await Partner.sequelize!.transaction(async (transaction) => {
    const partner = await findPartner(id, { transaction });
    await partner.destroy({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'delete', entityType: 'partner', entityId: id, before: { name: partner.name } });
    await reindex(transaction, 'partner', [id]);
    await reindexPeopleOf([id], transaction);
  });
}

export async function restorePartner(id: number, actor: Actor): Promise<PartnerView> {
  return Partner.sequelize!.transaction(async (transaction) => {
    const partner = await findPartner(id, { transaction, includeDeleted: true });
    if (!partner.deletedAt) return partnerView(partner, transaction);
    await partner.restore({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'restore', entityType: 'partner', entityId: id, after: { name: partner.name } });
    await reindex(transaction, 'partner', [id]);
    await reindexPeopleOf([id], transaction);
    return partnerView(partner, transaction);
  });
}

/** Moves every link of `from` to the partner kept, then deletes `from`; one transaction, audited on both. */
export async function mergePartners(keptId: number, request: MergeRequest, actor: Actor): Promise<PartnerView> {
  if (request.from === keptId) throw problems.invalid([{ path: 'from', message: 'Choisissez un autre partenaire que celui conservé.' }]);
  return Partner.sequelize!.transaction(async (transaction) => {
    const kept = await findPartner(keptId, { transaction });
    if (request.version !== kept.version) throw await versionConflict('partner', keptId, await partnerView(kept, transaction), transaction);
    const merged = await Partner.findByPk(request.from, { transaction });
    if (!merged) throw problems.invalid([{ path: 'from', message: 'Ce partenaire n’existe pas ou a été supprimé.' }]);
    const moved: Record<string, number> = {};
    for (const repointer of partnerRepointers) moved[repointer.name] = await repointer.repoint({ keptId, mergedId: merged.id, transaction });
    await merged.destroy({ transaction });
    if (merged.lastInteractionAt && (!kept.lastInteractionAt || merged.lastInteractionAt > kept.lastInteractionAt)) {
      kept.lastInteractionAt = merged.lastInteractionAt;
    }
    kept.changed('updatedAt', true);
    await kept.save({ transaction });
    await recordAudit(transaction, {
      actorUserId: actor.id,
      action: 'merge',
      entityType: 'partner',
      entityId: keptId,
      after: { mergedFrom: { id: merged.id, name: merged.name }, moved },
    });
    await recordAudit(transaction, {
      actorUserId: actor.id,
      action: 'merge',
      entityType: 'partner',
      entityId: merged.id,
      before: { name: merged.name },
      after: { mergedInto: { id: kept.id, name: kept.name } },
    });
    await reindex(transaction, 'partner', [keptId, merged.id]);
    await reindexPeopleOf([keptId], transaction);
    return partnerView(kept, transaction);
  });
}

/** People's search entries name their partners: they follow a partner's renaming, deletion or merge. */
async function reindexPeopleOf(partnerIds: number[], transaction: Transaction) {
  await reindex(transaction, 'contact', await contactIdsOfPartners(partnerIds, transaction));
}

/** Accounts that can own partners (officers and administrators), for the owner field and filter. */
export async function listOwners() {
  const users = await User.findAll({ where: { role: ['admin', 'officer'], active: true }, attributes: ['id', 'displayName'], order: [['displayName', 'ASC']] });
  return users.map((user) => ({ id: user.id, displayName: user.displayName }));
}
