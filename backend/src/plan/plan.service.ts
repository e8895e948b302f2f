import { Op } from 'sequelize';
import { addDays, todayIso, uniqueIds } from '../common/record-links';
import { Objective } from '../objectives/objective.model';
import { Partner, PartnerObjective } from '../partners/partner.model';
import { Project, ProjectMilestone, ProjectObjective, ProjectPartner } from '../projects/project.model';
import { Visit, VisitObjective, VisitPartner } from '../visits/visit.model';
import type { ActivityMonth, AnnualReport, ObjectiveProgress, PlanOverview } from './plan.schema';

/** The months from `from` to `to` included, as "YYYY-MM". */
export function monthsBetween(from: string, to: string) {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * Each objective's progress over a period: the partners concerned (declared on the partner, or through
 * a project or visit of the objective), its projects running in the period, its visits and completed
 * milestones in the period, and the activity per month.
 */
export async function objectivesProgress(period: { from: string; to: string; axis?: string | undefined }): Promise<ObjectiveProgress[]> {
  const { from, to } = period;
  const objectives = await Objective.findAll({ where: period.axis ? { axis: period.axis } : {}, order: [['position', 'ASC']] });
  const objectiveIds = objectives.map((objective) => objective.id);
  if (objectiveIds.length === 0) return [];
  const [projectLinks, visitLinks, declared] = await Promise.all([
    ProjectObjective.findAll({ where: { objectiveId: objectiveIds } }),
    VisitObjective.findAll({ where: { objectiveId: objectiveIds } }),
    PartnerObjective.findAll({ where: { objectiveId: objectiveIds } }),
  ]);
  // Projects that ran during the period (or carry no dates), not abandoned before it started.
  const projects = await Project.findAll({
    where: {
      id: uniqueIds(projectLinks.map((link) => link.projectId)),
      [Op.and]: [{ [Op.or]: [{ startsOn: null }, { startsOn: { [Op.lte]: to } }] }, { [Op.or]: [{ endsOn: null }, { endsOn: { [Op.gte]: from } }] }],
    },
    order: [['startsOn', 'ASC'], ['id', 'ASC']],
  });
  const visits = await Visit.findAll({
    where: { id: uniqueIds(visitLinks.map((link) => link.visitId)), startsOn: { [Op.lte]: to }, endsOn: { [Op.gte]: from } },
    order: [['startsOn', 'ASC'], ['id', 'ASC']],
  });
  const projectIds = projects.map((project) => project.id);
  const visitIds = visits.map((visit) => visit.id);
  const [milestones, projectPartners, visitPartners] = await Promise.all([
    ProjectMilestone.findAll({ where: { projectId: projectIds, completedOn: { [Op.gte]: from, [Op.lte]: to } }, order: [['completedOn', 'ASC'], ['id', 'ASC']] }),
    ProjectPartner.findAll({ where: { projectId: projectIds } }),
    VisitPartner.findAll({ where: { visitId: visitIds } }),
  ]);
  const partners = await Partner.findAll({
    where: { id: uniqueIds([...declared.map((link) => link.partnerId), ...projectPartners.map((link) => link.partnerId), ...visitPartners.map((link) => link.partnerId)]) },
    attributes: ['id', 'name', 'sortName'],
    order: [['sortName', 'ASC']],
  });
  const months = monthsBetween(from, to);
  return objectives.map((objective) => {
    const ownProjects = projects.filter((project) => projectLinks.some((link) => link.objectiveId === objective.id && link.projectId === project.id));
    const ownVisits = visits.filter((visit) => visitLinks.some((link) => link.objectiveId === objective.id && link.visitId === visit.id));
    const ownProjectIds = new Set(ownProjects.map((project) => project.id));
    const ownVisitIds = new Set(ownVisits.map((visit) => visit.id));
    const ownMilestones = milestones.filter((milestone) => ownProjectIds.has(milestone.projectId));
    const partnerIds = new Set([
      ...declared.filter((link) => link.objectiveId === objective.id).map((link) => link.partnerId),
      ...projectPartners.filter((link) => ownProjectIds.has(link.projectId)).map((link) => link.partnerId),
      ...visitPartners.filter((link) => ownVisitIds.has(link.visitId)).map((link) => link.partnerId),
    ]);
    const activity: ActivityMonth[] = months.map((month) => ({
      month,
      visits: ownVisits.filter((visit) => visit.startsOn.slice(0, 7) === month && visit.startsOn >= from).length,
      milestones: ownMilestones.filter((milestone) => milestone.completedOn!.slice(0, 7) === month).length,
    }));
    return {
      id: objective.id,
      code: objective.code,
      axis: objective.axis,
      axisTitle: objective.axisTitle,
      title: objective.title,
      partners: partners.filter((partner) => partnerIds.has(partner.id)).map(({ id, name }) => ({ id, name })),
      projects: ownProjects.map(({ id, title, kind, status, startsOn, endsOn }) => ({ id, title, kind, status, startsOn, endsOn })),
      visits: ownVisits.map(({ id, title, direction, startsOn, endsOn }) => ({ id, title, direction, startsOn, endsOn })),
      milestonesCompleted: ownMilestones.map((milestone) => ({
        title: milestone.title,
        completedOn: milestone.completedOn!,
        project: { id: milestone.projectId, name: projects.find((project) => project.id === milestone.projectId)?.title ?? '' },
      })),
      activity,
    };
  });
}

export async function planOverview(query: { axis?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<PlanOverview> {
  const to = query.to ?? todayIso();
  const from = query.from ?? `${addDays(to, -364).slice(0, 7)}-01`;
  return { from, to, objectives: await objectivesProgress({ from, to, axis: query.axis }) };
}

export async function annualReport(year: number): Promise<AnnualReport> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const objectives = await objectivesProgress({ from, to });
  const distinct = (ids: number[]) => new Set(ids).size;
  return {
    year,
    generatedAt: new Date(),
    totals: {
      visits: distinct(objectives.flatMap((objective) => objective.visits.map((visit) => visit.id))),
      projects: distinct(objectives.flatMap((objective) => objective.projects.map((project) => project.id))),
      milestonesCompleted: new Set(objectives.flatMap((objective) => objective.milestonesCompleted.map((m) => `${m.project.id}|${m.title}|${m.completedOn}`))).size,
      partners: distinct(objectives.flatMap((objective) => objective.partners.map((partner) => partner.id))),
    },
    objectives,
  };
}
