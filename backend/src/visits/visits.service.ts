import { literal, Op, type Transaction, type WhereOptions } from 'sequelize';
import { changedFields, recordAudit } from '../audit/audit.service';
import { versionConflict } from '../audit/version-conflict';
import { checkLinks, linkNames, uniqueIds } from '../common/record-links';
import { keysetPage, sortKeyFrom, type SortKey } from '../http/keyset';
import { problems, type FieldError } from '../http/problem';
import { reindex } from '../search/search-index';
import { Visit, VisitObjective, VisitPartner } from './visit.model';
import type { ProgrammeItem, VisitCreateData, VisitListQueryData, VisitPage, VisitUpdateData, VisitView } from './visits.schema';

type Actor = { id: number };

const sortKeys: Record<string, Omit<SortKey, 'direction' | 'name'>> = {
  starts: { attribute: 'startsOn', column: 'starts_on', type: 'string' },
  created: { attribute: 'createdAt', column: 'created_at', type: 'date' },
};

export async function visitViews(visits: Visit[], transaction?: Transaction): Promise<VisitView[]> {
  if (visits.length === 0) return [];
  const visitIds = visits.map((visit) => visit.id);
  const [partnerLinks, objectiveLinks] = await Promise.all([
    VisitPartner.findAll({ where: { visitId: visitIds }, transaction }),
    VisitObjective.findAll({ where: { visitId: visitIds }, transaction }),
  ]);
  const names = await linkNames(
    { partnerIds: partnerLinks.map((link) => link.partnerId), contactIds: [], objectiveIds: objectiveLinks.map((link) => link.objectiveId) },
    transaction,
  );
  return visits.map((visit) => ({
    id: visit.id,
    title: visit.title,
    direction: visit.direction,
    startsOn: visit.startsOn,
    endsOn: visit.endsOn,
    places: visit.places,
    partners: partnerLinks
      .filter((link) => link.visitId === visit.id)
      .flatMap((link) => names.partner.get(link.partnerId) ?? [])
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    objectives: objectiveLinks
      .filter((link) => link.visitId === visit.id)
      .flatMap((link) => names.objective.get(link.objectiveId) ?? [])
      .sort((a, b) => a.position - b.position)
      .map(({ id, code, title }) => ({ id, code, title })),
    delegation: visit.delegation.map((member) => ({ side: member.side, name: member.name, role: member.role ?? null })),
    programme: visit.programme.map((item) => ({ day: item.day, time: item.time ?? null, place: item.place ?? null, what: item.what })),
    notesForMayor: visit.notesForMayor,
    version: visit.version,
    createdAt: visit.createdAt,
    updatedAt: visit.updatedAt,
    deletedAt: visit.deletedAt ?? null,
  }));
}

function escapeList(values: readonly number[]) {
  return values.map((value) => Visit.sequelize!.escape(value)).join(', ');
}

export async function listVisits(query: VisitListQueryData): Promise<VisitPage> {
  const key = sortKeyFrom(sortKeys, query.sort);
  const filters: WhereOptions[] = [];
  if (query.direction?.length) filters.push({ direction: query.direction });
  if (query.partner?.length) filters.push({ id: { [Op.in]: literal(`(SELECT visit_id FROM visit_partners WHERE partner_id IN (${escapeList(query.partner)}))`) } });
  if (query.objective?.length) filters.push({ id: { [Op.in]: literal(`(SELECT visit_id FROM visit_objectives WHERE objective_id IN (${escapeList(query.objective)}))`) } });
  const page = await keysetPage(key, { limit: query.limit, cursor: query.cursor }, ({ where, order, limit }) =>
    Visit.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit }),
  );
  return { items: await visitViews(page.items), nextCursor: page.nextCursor };
}

export async function findVisit(id: number, options: { transaction?: Transaction; includeDeleted?: boolean } = {}) {
  const visit = await Visit.findByPk(id, { paranoid: !options.includeDeleted, transaction: options.transaction });
  if (!visit) throw problems.notFound('Cette visite n’existe pas ou plus.');
  return visit;
}

export async function getVisit(id: number) {
  const [view] = await visitViews([await findVisit(id, { includeDeleted: true })]);
  return view!;
}

function snapshot(view: VisitView): Record<string, unknown> {
  return {
    title: view.title,
    direction: view.direction,
    startsOn: view.startsOn,
    endsOn: view.endsOn,
    places: view.places,
    partners: view.partners.map((partner) => partner.name),
    objectives: view.objectives.map((objective) => objective.code),
    delegation: view.delegation,
    programme: view.programme,
    notesForMayor: view.notesForMayor,
  };
}

type Checked = { startsOn: string; endsOn: string; programme?: ProgrammeItem[] | undefined; partnerIds?: number[] | undefined; objectiveIds?: number[] | undefined };

async function check(input: Checked, transaction: Transaction, keptPartnerIds: number[] = []) {
  const errors: FieldError[] = [];
  if (input.endsOn < input.startsOn) errors.push({ path: 'endsOn', message: 'La date de fin précède la date de début.' });
  input.programme?.forEach((item, index) => {
    if (item.day < input.startsOn || item.day > input.endsOn) {
      errors.push({ path: `programme.${index}.day`, message: 'Ce jour est en dehors des dates de la visite.' });
    }
  });
  await checkLinks(input, errors, transaction, { partnerIds: keptPartnerIds });
  if (errors.length) throw problems.invalid(errors);
}

/** The programme in the order of the day: by day, then time (items without a time first). */
function ordered(programme: ProgrammeItem[]) {
  return [...programme].sort((a, b) => a.day.localeCompare(b.day) || (a.time ?? '').localeCompare(b.time ?? ''));
}

async function setLinks(visitId: number, input: { partnerIds?: number[] | undefined; objectiveIds?: number[] | undefined }, transaction: Transaction) {
  if (input.partnerIds) {
    await VisitPartner.destroy({ where: { visitId }, transaction });
    await VisitPartner.bulkCreate(uniqueIds(input.partnerIds).map((partnerId) => ({ visitId, partnerId })), { transaction });
  }
  if (input.objectiveIds) {
    await VisitObjective.destroy({ where: { visitId }, transaction });
    await VisitObjective.bulkCreate(uniqueIds(input.objectiveIds).map((objectiveId) => ({ visitId, objectiveId })), { transaction });
  }
}

export async function createVisit(input: VisitCreateData, actor: Actor): Promise<VisitView> {
  return Visit.sequelize!.transaction(async (transaction) => {
    await check(input, transaction);
    const visit = await Visit.create(
      {
        title: input.title,
        direction: input.direction,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        places: input.places ?? [],
        delegation: input.delegation ?? [],
        programme: ordered(input.programme ?? []),
        notesForMayor: input.notesForMayor ?? null,
      },
      { transaction },
    );
    await setLinks(visit.id, input, transaction);
    const [view] = await visitViews([visit], transaction);
    await recordAudit(transaction, { actorUserId: actor.id, action: 'create', entityType: 'visit', entityId: visit.id, after: snapshot(view!) });
    await reindex(transaction, 'visit', [visit.id]);
    return view!;
  });
}

export async function updateVisit(id: number, input: VisitUpdateData, actor: Actor): Promise<VisitView> {
  return Visit.sequelize!.transaction(async (transaction) => {
    const visit = await findVisit(id, { transaction });
    const [before] = await visitViews([visit], transaction);
    if (input.version !== visit.version) throw await versionConflict('visit', id, before, transaction);
    const startsOn = input.startsOn ?? visit.startsOn;
    const endsOn = input.endsOn ?? visit.endsOn;
    await check({ ...input, startsOn, endsOn, programme: input.programme ?? visit.programme }, transaction, before!.partners.map((partner) => partner.id));
    const { version: _version, partnerIds, objectiveIds, ...fields } = input;
    const values = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Visit>;
    if (values.programme) values.programme = ordered(values.programme);
    visit.set(values);
    await setLinks(id, { partnerIds, objectiveIds }, transaction);
    const [probe] = await visitViews([visit], transaction);
    const diff = changedFields(snapshot(before!), snapshot(probe!));
    if (diff.changed) {
      visit.changed('updatedAt', true);
      await visit.save({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'visit', entityId: id, before: diff.before, after: diff.after });
      await reindex(transaction, 'visit', [id]);
    }
    const [after] = await visitViews([visit], transaction);
    return after!;
  });
}

export async function deleteVisit(id: number, actor: Actor) {
  await Visit.sequelize!.transaction(async (transaction) => {
    const visit = await findVisit(id, { transaction });
    await visit.destroy({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'delete', entityType: 'visit', entityId: id, before: { title: visit.title } });
    await reindex(transaction, 'visit', [id]);
  });
}

export async function restoreVisit(id: number, actor: Actor): Promise<VisitView> {
  return Visit.sequelize!.transaction(async (transaction) => {
    const visit = await findVisit(id, { transaction, includeDeleted: true });
    if (visit.deletedAt) {
      await visit.restore({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'restore', entityType: 'visit', entityId: id, after: { title: visit.title } });
      await reindex(transaction, 'visit', [id]);
    }
    const [view] = await visitViews([visit], transaction);
    return view!;
  });
}
