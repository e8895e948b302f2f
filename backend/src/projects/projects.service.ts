import { literal, Op, type Transaction, type WhereOptions } from 'sequelize';
import { changedFields, recordAudit } from '../audit/audit.service';
import { versionConflict } from '../audit/version-conflict';
import { addDays, checkLinks, linkNames, todayIso, uniqueIds } from '../common/record-links';
import { foldText } from '../common/text';
import { keysetPage, sortKeyFrom, type SortKey } from '../http/keyset';
import { problems, type FieldError } from '../http/problem';
import { reindex } from '../search/search-index';
import { Project, ProjectContact, ProjectMilestone, ProjectObjective, ProjectPartner } from './project.model';
import type { DueMilestone, MilestoneData, ProjectCreateData, ProjectListQueryData, ProjectPage, ProjectUpdateData, ProjectView } from './projects.schema';

type Actor = { id: number };

const sortKeys: Record<string, Omit<SortKey, 'direction' | 'name'>> = {
  title: { attribute: 'sortTitle', column: 'sort_title', type: 'string' },
  starts: { attribute: 'startsOn', column: 'starts_on', type: 'string', nullable: true },
  created: { attribute: 'createdAt', column: 'created_at', type: 'date' },
};

// ---------------------------------------------------------------- reading

/** The views of these projects, with their links and milestones, in a few queries. */
export async function projectViews(projects: Project[], transaction?: Transaction): Promise<ProjectView[]> {
  if (projects.length === 0) return [];
  const projectIds = projects.map((project) => project.id);
  const [partnerLinks, contactLinks, objectiveLinks, milestones] = await Promise.all([
    ProjectPartner.findAll({ where: { projectId: projectIds }, transaction }),
    ProjectContact.findAll({ where: { projectId: projectIds }, transaction }),
    ProjectObjective.findAll({ where: { projectId: projectIds }, transaction }),
    ProjectMilestone.findAll({ where: { projectId: projectIds }, order: [['position', 'ASC'], ['id', 'ASC']], transaction }),
  ]);
  const names = await linkNames(
    {
      partnerIds: partnerLinks.map((link) => link.partnerId),
      contactIds: contactLinks.map((link) => link.contactId),
      objectiveIds: objectiveLinks.map((link) => link.objectiveId),
    },
    transaction,
  );
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  return projects.map((project) => ({
    id: project.id,
    title: project.title,
    kind: project.kind,
    status: project.status,
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    budget: project.budgetCents === null ? null : project.budgetCents / 100,
    description: project.description,
    partners: partnerLinks.filter((link) => link.projectId === project.id).flatMap((link) => names.partner.get(link.partnerId) ?? []).sort(byName),
    contacts: contactLinks.filter((link) => link.projectId === project.id).flatMap((link) => names.contact.get(link.contactId) ?? []).sort(byName),
    objectives: objectiveLinks
      .filter((link) => link.projectId === project.id)
      .flatMap((link) => names.objective.get(link.objectiveId) ?? [])
      .sort((a, b) => a.position - b.position)
      .map(({ id, code, title }) => ({ id, code, title })),
    milestones: milestones
      .filter((milestone) => milestone.projectId === project.id)
      .map((milestone) => ({ id: milestone.id, title: milestone.title, dueOn: milestone.dueOn, completedOn: milestone.completedOn })),
    version: project.version,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    deletedAt: project.deletedAt ?? null,
  }));
}

function escapeList(values: readonly (string | number)[]) {
  const sequelize = Project.sequelize!;
  return values.map((value) => sequelize.escape(value)).join(', ');
}

export async function listProjects(query: ProjectListQueryData): Promise<ProjectPage> {
  const key = sortKeyFrom(sortKeys, query.sort);
  const filters: WhereOptions[] = [];
  if (query.kind?.length) filters.push({ kind: query.kind });
  if (query.status?.length) filters.push({ status: query.status });
  if (query.partner?.length) filters.push({ id: { [Op.in]: literal(`(SELECT project_id FROM project_partners WHERE partner_id IN (${escapeList(query.partner)}))`) } });
  if (query.objective?.length) {
    filters.push({ id: { [Op.in]: literal(`(SELECT project_id FROM project_objectives WHERE objective_id IN (${escapeList(query.objective)}))`) } });
  }
  // Folded text holds only letters, digits and spaces: no LIKE wildcard can come from the user.
  for (const word of foldText(query.q ?? '').split(' ').filter(Boolean)) filters.push({ sortTitle: { [Op.like]: `%${word}%` } });
  const page = await keysetPage(key, { limit: query.limit, cursor: query.cursor }, ({ where, order, limit }) =>
    Project.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit }),
  );
  return { items: await projectViews(page.items), nextCursor: page.nextCursor };
}

async function findProject(id: number, options: { transaction?: Transaction; includeDeleted?: boolean } = {}) {
  const project = await Project.findByPk(id, { paranoid: !options.includeDeleted, transaction: options.transaction });
  if (!project) throw problems.notFound('Ce projet n’existe pas ou plus.');
  return project;
}

export async function getProject(id: number) {
  const [view] = await projectViews([await findProject(id, { includeDeleted: true })]);
  return view!;
}

/** Milestones not completed whose due date is before `today + days` (overdue ones included), soonest first. */
export async function dueMilestones(days: number, today = todayIso()): Promise<DueMilestone[]> {
  const rows = await ProjectMilestone.findAll({
    where: {
      completedOn: null,
      dueOn: { [Op.ne]: null, [Op.lte]: addDays(today, days) },
      projectId: { [Op.in]: literal(`(SELECT id FROM projects WHERE deleted_at IS NULL AND status IN ('planned', 'running'))`) },
    },
    order: [['dueOn', 'ASC'], ['id', 'ASC']],
    limit: 50,
  });
  const projects = await Project.findAll({ where: { id: uniqueIds(rows.map((row) => row.projectId)) }, attributes: ['id', 'title'] });
  const titles = new Map(projects.map((project) => [project.id, project.title]));
  return rows.map((row) => ({ id: row.id, title: row.title, dueOn: row.dueOn!, project: { id: row.projectId, title: titles.get(row.projectId) ?? '' } }));
}

function snapshot(view: ProjectView): Record<string, unknown> {
  return {
    title: view.title,
    kind: view.kind,
    status: view.status,
    startsOn: view.startsOn,
    endsOn: view.endsOn,
    budget: view.budget,
    description: view.description,
    partners: view.partners.map((partner) => partner.name),
    contacts: view.contacts.map((contact) => contact.name),
    objectives: view.objectives.map((objective) => objective.code),
    milestones: view.milestones.map(({ title, dueOn, completedOn }) => ({ title, dueOn, completedOn })),
  };
}

// ---------------------------------------------------------------- writing

type Checked = {
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  partnerIds?: number[] | undefined;
  contactIds?: number[] | undefined;
  objectiveIds?: number[] | undefined;
};

async function check(input: Checked, transaction: Transaction, kept: { partnerIds?: number[]; contactIds?: number[] } = {}) {
  const errors: FieldError[] = [];
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) errors.push({ path: 'endsOn', message: 'La date de fin précède la date de début.' });
  await checkLinks(input, errors, transaction, kept);
  if (errors.length) throw problems.invalid(errors);
}

async function setLinks(projectId: number, input: { partnerIds?: number[] | undefined; contactIds?: number[] | undefined; objectiveIds?: number[] | undefined }, transaction: Transaction) {
  if (input.partnerIds) {
    await ProjectPartner.destroy({ where: { projectId }, transaction });
    await ProjectPartner.bulkCreate(uniqueIds(input.partnerIds).map((partnerId) => ({ projectId, partnerId })), { transaction });
  }
  if (input.contactIds) {
    await ProjectContact.destroy({ where: { projectId }, transaction });
    await ProjectContact.bulkCreate(uniqueIds(input.contactIds).map((contactId) => ({ projectId, contactId })), { transaction });
  }
  if (input.objectiveIds) {
    await ProjectObjective.destroy({ where: { projectId }, transaction });
    await ProjectObjective.bulkCreate(uniqueIds(input.objectiveIds).map((objectiveId) => ({ projectId, objectiveId })), { transaction });
  }
}

async function setMilestones(projectId: number, milestones: MilestoneData[], transaction: Transaction) {
  await ProjectMilestone.destroy({ where: { projectId }, transaction });
  await ProjectMilestone.bulkCreate(
    milestones.map((milestone, position) => ({ projectId, title: milestone.title, dueOn: milestone.dueOn ?? null, completedOn: milestone.completedOn ?? null, position })),
    { transaction },
  );
}

const toCents = (budget: number | null | undefined) => (budget === null || budget === undefined ? null : Math.round(budget * 100));

export async function createProject(input: ProjectCreateData, actor: Actor): Promise<ProjectView> {
  return Project.sequelize!.transaction(async (transaction) => {
    await check(input, transaction);
    const project = await Project.create(
      {
        title: input.title,
        kind: input.kind,
        status: input.status ?? 'planned',
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        budgetCents: toCents(input.budget),
        description: input.description ?? null,
      },
      { transaction },
    );
    await setLinks(project.id, input, transaction);
    await setMilestones(project.id, input.milestones ?? [], transaction);
    const [view] = await projectViews([project], transaction);
    await recordAudit(transaction, { actorUserId: actor.id, action: 'create', entityType: 'project', entityId: project.id, after: snapshot(view!) });
    await reindex(transaction, 'project', [project.id]);
    return view!;
  });
}

export async function updateProject(id: number, input: ProjectUpdateData, actor: Actor): Promise<ProjectView> {
  return Project.sequelize!.transaction(async (transaction) => {
    const project = await findProject(id, { transaction });
    const [before] = await projectViews([project], transaction);
    if (input.version !== project.version) throw await versionConflict('project', id, before, transaction);
    const startsOn = input.startsOn !== undefined ? input.startsOn : project.startsOn;
    const endsOn = input.endsOn !== undefined ? input.endsOn : project.endsOn;
    await check({ ...input, startsOn, endsOn }, transaction, {
      partnerIds: before!.partners.map((partner) => partner.id),
      contactIds: before!.contacts.map((contact) => contact.id),
    });
    const { version: _version, partnerIds, contactIds, objectiveIds, milestones, budget, ...fields } = input;
    const values = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Project>;
    if (budget !== undefined) values.budgetCents = toCents(budget);
    project.set(values);
    await setLinks(id, { partnerIds, contactIds, objectiveIds }, transaction);
    if (milestones) await setMilestones(id, milestones, transaction);
    const [probe] = await projectViews([project], transaction);
    const diff = changedFields(snapshot(before!), snapshot(probe!));
    if (diff.changed) {
      project.changed('updatedAt', true);
      await project.save({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'project', entityId: id, before: diff.before, after: diff.after });
      await reindex(transaction, 'project', [id]);
    }
    const [after] = await projectViews([project], transaction);
    return after!;
  });
}

export async function deleteProject(id: number, actor: Actor) {
  await Project.sequelize!.transaction(async (transaction) => {
    const project = await findProject(id, { transaction });
    await project.destroy({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'delete', entityType: 'project', entityId: id, before: { title: project.title } });
    await reindex(transaction, 'project', [id]);
  });
}

export async function restoreProject(id: number, actor: Actor): Promise<ProjectView> {
  return Project.sequelize!.transaction(async (transaction) => {
    const project = await findProject(id, { transaction, includeDeleted: true });
    if (project.deletedAt) {
      await project.restore({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'restore', entityType: 'project', entityId: id, after: { title: project.title } });
      await reindex(transaction, 'project', [id]);
    }
    const [view] = await projectViews([project], transaction);
    return view!;
  });
}
