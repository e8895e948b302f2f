import { literal, Op } from 'sequelize';
import { FollowUp } from '../follow-ups/follow-up.model';
import { Interaction, InteractionObjective, InteractionPartner } from '../interactions/interaction.model';
import { addDays, todayIso, uniqueIds } from '../common/record-links';
import { Objective } from '../objectives/objective.model';
import { Partner, PartnerObjective } from '../partners/partner.model';
import { Project, ProjectMilestone, ProjectObjective, ProjectPartner } from '../projects/project.model';
import { Visit, VisitObjective, VisitPartner } from '../visits/visit.model';
import type { ActivityMonth, AnnualReport, ObjectiveProgress, PlanOverview } from './plan.schema';

/** The instant a day starts in the town's time zone is close enough to midnight UTC for counting per month. */
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
const dayEnd = (day: string) => new Date(`${day}T23:59:59.999Z`);
const monthOf = (instant: Date, timeZone = process.env['TIME_ZONE'] ?? 'Europe/Paris') =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(instant).slice(0, 7);

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
  const [projectLinks, visitLinks, declared, interactionLinks] = await Promise.all([
    ProjectObjective.findAll({ where: { objectiveId: objectiveIds } }),
    VisitObjective.findAll({ where: { objectiveId: objectiveIds } }),
    PartnerObjective.findAll({ where: { objectiveId: objectiveIds } }),
    InteractionObjective.findAll({ where: { objectiveId: objectiveIds } }),
  ]);
  const linkedInteractionIds = uniqueIds(interactionLinks.map((link) => link.interactionId));
  // Interactions of the period (newest first), and open follow-ups of any of the objectives' interactions.
  const [interactions, followUps] = await Promise.all([
    Interaction.findAll({
      where: { id: linkedInteractionIds, occurredAt: { [Op.gte]: dayStart(from), [Op.lte]: dayEnd(to) } },
      attributes: ['id', 'occurredAt', 'type', 'subject'],
      order: [['occurredAt', 'DESC'], ['id', 'DESC']],
    }),
    FollowUp.findAll({ where: { interactionId: linkedInteractionIds, status: 'open' }, order: [['dueOn', 'ASC'], ['id', 'ASC']] }),
  ]);
  const interactionPartners = interactions.length ? await InteractionPartner.findAll({ where: { interactionId: interactions.map((row) => row.id) } }) : [];
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
    where: {
      id: uniqueIds([
        ...declared.map((link) => link.partnerId),
        ...projectPartners.map((link) => link.partnerId),
        ...visitPartners.map((link) => link.partnerId),
        ...interactionPartners.map((link) => link.partnerId),
      ]),
    },
    attributes: ['id', 'name', 'sortName'],
    order: [['sortName', 'ASC']],
  });
  const months = monthsBetween(from, to);
  const today = todayIso();
  const interactionMonth = new Map(interactions.map((row) => [row.id, monthOf(row.occurredAt)]));
  const partnerName = (id: number) => partners.find((partner) => partner.id === id)?.name;
  return objectives.map((objective) => {
    const ownInteractionIds = new Set(interactionLinks.filter((link) => link.objectiveId === objective.id).map((link) => link.interactionId));
    const ownInteractions = interactions.filter((row) => ownInteractionIds.has(row.id));
    const ownFollowUps = followUps.filter((row) => row.interactionId !== null && ownInteractionIds.has(row.interactionId));
    const ownProjects = projects.filter((project) => projectLinks.some((link) => link.objectiveId === objective.id && link.projectId === project.id));
    const ownVisits = visits.filter((visit) => visitLinks.some((link) => link.objectiveId === objective.id && link.visitId === visit.id));
    const ownProjectIds = new Set(ownProjects.map((project) => project.id));
    const ownVisitIds = new Set(ownVisits.map((visit) => visit.id));
    const ownMilestones = milestones.filter((milestone) => ownProjectIds.has(milestone.projectId));
    const partnerIds = new Set([
      ...declared.filter((link) => link.objectiveId === objective.id).map((link) => link.partnerId),
      ...projectPartners.filter((link) => ownProjectIds.has(link.projectId)).map((link) => link.partnerId),
      ...visitPartners.filter((link) => ownVisitIds.has(link.visitId)).map((link) => link.partnerId),
      ...interactionPartners.filter((link) => ownInteractionIds.has(link.interactionId)).map((link) => link.partnerId),
    ]);
    const activity: ActivityMonth[] = months.map((month) => ({
      month,
      interactions: ownInteractions.filter((row) => interactionMonth.get(row.id) === month).length,
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
      interactionCount: ownInteractions.length,
      latestInteractions: ownInteractions.slice(0, 5).map((row) => ({
        id: row.id,
        occurredAt: row.occurredAt,
        type: row.type,
        subject: row.subject,
        partners: interactionPartners.filter((link) => link.interactionId === row.id).flatMap((link) => partnerName(link.partnerId) ?? []),
      })),
      openFollowUps: ownFollowUps.slice(0, 10).map((row) => ({ id: row.id, title: row.title, dueOn: row.dueOn, overdue: row.dueOn < today })),
      openFollowUpCount: ownFollowUps.length,
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
  const interactions = await Interaction.findAll({
    where: { id: { [Op.in]: literal('(SELECT interaction_id FROM interaction_objectives)') }, occurredAt: { [Op.gte]: dayStart(from), [Op.lte]: dayEnd(to) } },
    attributes: ['id', 'occurredAt'],
  });
  const visits = new Map(objectives.flatMap((objective) => objective.visits.map((visit) => [visit.id, visit.startsOn.slice(0, 7)] as const)));
  const milestones = new Map(
    objectives.flatMap((objective) => objective.milestonesCompleted.map((m) => [`${m.project.id}|${m.title}|${m.completedOn}`, m.completedOn.slice(0, 7)] as const)),
  );
  const count = (values: Iterable<string>, month: string) => [...values].filter((value) => value === month).length;
  const interactionMonths = interactions.map((row) => monthOf(row.occurredAt));
  return {
    year,
    generatedAt: new Date(),
    totals: {
      interactions: interactions.length,
      visits: visits.size,
      projects: new Set(objectives.flatMap((objective) => objective.projects.map((project) => project.id))).size,
      milestonesCompleted: milestones.size,
      partners: new Set(objectives.flatMap((objective) => objective.partners.map((partner) => partner.id))).size,
    },
    monthly: monthsBetween(from, to).map((month) => ({
      month,
      interactions: count(interactionMonths, month),
      visits: count(visits.values(), month),
      milestones: count(milestones.values(), month),
    })),
    objectives,
  };
}
