import { literal, Op } from 'sequelize';
import { todayIso, uniqueIds } from '../common/record-links';
import { Affiliation, Contact } from '../contacts/contact.model';
import { FollowUp } from '../follow-ups/follow-up.model';
import { problems } from '../http/problem';
import { Interaction, InteractionContact } from '../interactions/interaction.model';
import { User } from '../users/user.model';
import { Objective } from '../objectives/objective.model';
import { Partner, PartnerObjective } from '../partners/partner.model';
import { Project, ProjectMilestone, ProjectPartner } from '../projects/project.model';
import { Relationship } from '../relationships/relationship.model';
import { Visit, VisitPartner } from '../visits/visit.model';
import { findVisit, visitViews } from '../visits/visits.service';
import type { BriefingFollowUp, BriefingInteraction, BriefingPack, BriefingPerson, BriefingProject, PartnerBrief } from './briefing.schema';

/** Full years between two ISO dates. */
function fullYears(from: string, to: string) {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}

async function keyPeople(partnerId: number, today: string): Promise<BriefingPerson[]> {
  const affiliations = await Affiliation.findAll({
    where: { partnerId, [Op.or]: [{ endedOn: null }, { endedOn: { [Op.gte]: today } }] },
    order: [['startedOn', 'DESC'], ['id', 'ASC']],
  });
  const contacts = await Contact.findAll({ where: { id: uniqueIds(affiliations.map((affiliation) => affiliation.contactId)) } });
  const people = new Map<number, BriefingPerson>();
  for (const affiliation of affiliations) {
    const contact = contacts.find((candidate) => candidate.id === affiliation.contactId);
    if (!contact || people.has(contact.id)) continue;
    people.set(contact.id, {
      id: contact.id,
      name: contact.fullName,
      role: affiliation.role,
      jobTitle: contact.jobTitle,
      languages: contact.languages,
      emails: contact.emails,
      phones: contact.phones,
    });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

async function runningProjects(partnerId: number): Promise<BriefingProject[]> {
  const links = await ProjectPartner.findAll({ where: { partnerId } });
  const projects = await Project.findAll({
    where: { id: uniqueIds(links.map((link) => link.projectId)), status: ['planned', 'running'] },
    order: [['startsOn', 'DESC'], ['id', 'DESC']],
  });
  const milestones = await ProjectMilestone.findAll({
    where: { projectId: projects.map((project) => project.id), completedOn: null },
    order: [['position', 'ASC']],
  });
  return projects.map((project) => {
    const next = milestones
      .filter((milestone) => milestone.projectId === project.id)
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.position - b.position)[0];
    return {
      id: project.id,
      title: project.title,
      kind: project.kind,
      status: project.status,
      startsOn: project.startsOn,
      endsOn: project.endsOn,
      nextMilestone: next ? { title: next.title, dueOn: next.dueOn } : null,
    };
  });
}

/** The relationship's history: how many interactions, the first one, the ten latest (newest first). */
async function history(partnerId: number) {
  const interactionIds = `(SELECT interaction_id FROM interaction_partners WHERE partner_id = ${Number(partnerId)})`;
  const where = { id: { [Op.in]: literal(interactionIds) } };
  const [count, first, latest] = await Promise.all([
    Interaction.count({ where }),
    Interaction.findOne({ where, order: [['occurredAt', 'ASC'], ['id', 'ASC']] }),
    Interaction.findAll({ where, order: [['occurredAt', 'DESC'], ['id', 'DESC']], limit: 10 }),
  ]);
  const shown = [...latest, ...(first && !latest.some((row) => row.id === first.id) ? [first] : [])];
  const links = shown.length ? await InteractionContact.findAll({ where: { interactionId: shown.map((row) => row.id) } }) : [];
  const contacts = links.length ? await Contact.findAll({ where: { id: uniqueIds(links.map((link) => link.contactId)) }, paranoid: false }) : [];
  const view = (row: Interaction): BriefingInteraction => ({
    id: row.id,
    occurredAt: row.occurredAt,
    type: row.type,
    subject: row.subject,
    location: row.location,
    contacts: links
      .filter((link) => link.interactionId === row.id)
      .flatMap((link) => contacts.find((contact) => contact.id === link.contactId)?.fullName ?? [])
      .sort((a, b) => a.localeCompare(b, 'fr')),
  });
  return { interactionCount: count, firstContact: first ? view(first) : null, lastInteractions: latest.map(view) };
}

/** Open follow-ups about the partner: set on it, or on one of its interactions; soonest first. */
async function openFollowUps(partnerId: number, today: string): Promise<BriefingFollowUp[]> {
  const rows = await FollowUp.findAll({
    where: {
      status: 'open',
      [Op.or]: [{ partnerId }, { interactionId: { [Op.in]: literal(`(SELECT interaction_id FROM interaction_partners WHERE partner_id = ${Number(partnerId)})`) } }],
    },
    order: [['dueOn', 'ASC'], ['id', 'ASC']],
    limit: 50,
  });
  const users = rows.length ? await User.findAll({ where: { id: uniqueIds(rows.map((row) => row.assigneeUserId)) }, attributes: ['id', 'displayName'] }) : [];
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    dueOn: row.dueOn,
    overdue: row.dueOn < today,
    assignee: users.find((user) => user.id === row.assigneeUserId)?.displayName ?? null,
  }));
}

async function partnerBrief(partner: Partner, today: string, exceptVisitId?: number): Promise<PartnerBrief> {
  const [people, projects, objectiveLinks, relationships, visitLinks, past, followUps] = await Promise.all([
    keyPeople(partner.id, today),
    runningProjects(partner.id),
    PartnerObjective.findAll({ where: { partnerId: partner.id } }),
    Relationship.findAll({ where: { [Op.or]: [{ sourcePartnerId: partner.id }, { targetPartnerId: partner.id }] } }),
    VisitPartner.findAll({ where: { partnerId: partner.id } }),
    history(partner.id),
    openFollowUps(partner.id, today),
  ]);
  const others = await Partner.findAll({
    where: { id: uniqueIds(relationships.map((link) => (link.sourcePartnerId === partner.id ? link.targetPartnerId : link.sourcePartnerId))) },
    attributes: ['id', 'name'],
  });
  const visits = await Visit.findAll({
    where: { id: uniqueIds(visitLinks.map((link) => link.visitId).filter((id) => id !== exceptVisitId)) },
    order: [['startsOn', 'DESC'], ['id', 'DESC']],
    limit: 5,
  });
  const objectives = await Objective.findAll({ where: { id: objectiveLinks.map((link) => link.objectiveId) }, order: [['position', 'ASC']] });
  return {
    id: partner.id,
    name: partner.name,
    localNames: partner.localNames,
    kind: partner.kind,
    status: partner.status,
    country: partner.country,
    city: partner.city,
    website: partner.website,
    description: partner.description,
    charterSignedOn: partner.charterSignedOn,
    twinningYears: partner.charterSignedOn && partner.charterSignedOn <= today ? fullYears(partner.charterSignedOn, today) : null,
    labelObtainedOn: partner.labelObtainedOn,
    labelRenewalDueOn: partner.labelRenewalDueOn,
    relationships: relationships.flatMap((link) => {
      const outgoing = link.sourcePartnerId === partner.id;
      const other = others.find((candidate) => candidate.id === (outgoing ? link.targetPartnerId : link.sourcePartnerId));
      return other ? [{ type: link.type, partner: other.name, direction: outgoing ? ('outgoing' as const) : ('incoming' as const) }] : [];
    }),
    keyPeople: people,
    ...past,
    openFollowUps: followUps,
    runningProjects: projects,
    objectives: objectives.map(({ id, code, title }) => ({ id, code, title })),
    pastVisits: visits.map(({ id, title, direction, startsOn, endsOn }) => ({ id, title, direction, startsOn, endsOn })),
  };
}

export async function visitBriefing(visitId: number): Promise<BriefingPack> {
  const visit = await findVisit(visitId);
  const [view] = await visitViews([visit]);
  const today = todayIso();
  const partners = await Partner.findAll({ where: { id: view!.partners.map((partner) => partner.id) }, order: [['sortName', 'ASC']] });
  return {
    generatedAt: new Date(),
    visit: view!,
    partners: await Promise.all(partners.map((partner) => partnerBrief(partner, today, visit.id))),
    objectives: view!.objectives,
  };
}

export async function partnerBriefing(partnerId: number): Promise<BriefingPack> {
  const partner = await Partner.findByPk(partnerId);
  if (!partner) throw problems.notFound('Ce partenaire n’existe pas ou plus.');
  const brief = await partnerBrief(partner, todayIso());
  return { generatedAt: new Date(), visit: null, partners: [brief], objectives: brief.objectives };
}

