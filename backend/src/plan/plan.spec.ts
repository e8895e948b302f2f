import request from 'supertest';
import { makePartner, signedIn, testContext } from '../testing/test-app';
import { pdfText } from '../testing/pdf-text';
import { monthsBetween } from './plan.service';

let sequence = 0;
function unique(base: string) {
  sequence += 1;
  return `${base} ${sequence}${Math.random().toString(36).slice(2, 7)}`;
}

function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('the action plan’s progress and the annual report', () => {
  let officer: Awaited<ReturnType<typeof signedIn>>;
  let objective: { id: number; code: string; title: string };
  let other: { id: number; code: string };
  const ids: {
    project: number;
    partner: number;
    visit: number;
    projectTitle: string;
    visitTitle: string;
    partnerName: string;
    talker: number;
    talkerName: string;
    interactionSubject: string;
  } = {} as never;

  beforeAll(async () => {
    officer = await signedIn('officer');
    const objectives = (await officer.get('/api/v1/objectives')).body.items as { id: number; code: string; title: string }[];
    objective = objectives.find((candidate) => candidate.code === 'II.2')!;
    other = objectives.find((candidate) => candidate.code === 'I.2')!;
    const partner = await makePartner({ name: unique('Zelenodolsk'), kind: 'partner_town', country: 'UA' });
    ids.partner = partner.id;
    ids.partnerName = partner.name;
    ids.projectTitle = unique('Collecte pour Zelenodolsk');
    const project = await officer.post('/api/v1/projects').send({
      title: ids.projectTitle,
      kind: 'solidarity_campaign',
      status: 'running',
      startsOn: '2031-02-01',
      endsOn: '2031-11-30',
      partnerIds: [partner.id],
      objectiveIds: [objective.id],
      milestones: [
        { title: 'Envoi du premier convoi', dueOn: '2031-03-01', completedOn: '2031-03-10' },
        { title: 'Bilan', dueOn: '2032-01-15' },
      ],
    });
    ids.project = project.body.id;
    ids.visitTitle = unique('Délégation de Zelenodolsk');
    const visit = await officer.post('/api/v1/visits').send({
      title: ids.visitTitle,
      direction: 'incoming',
      startsOn: '2031-06-03',
      endsOn: '2031-06-05',
      partnerIds: [partner.id],
      objectiveIds: [objective.id],
    });
    ids.visit = visit.body.id;
    // A partner met only through an interaction serving the objective, with a follow-up still open.
    const talker = await makePartner({ name: unique('Association ukrainienne de Sceaux') });
    ids.talker = talker.id;
    ids.talkerName = talker.name;
    ids.interactionSubject = unique('Point sur la collecte');
    const interaction = await officer.post('/api/v1/interactions').send({
      type: 'meeting',
      occurredAt: '2031-04-15T10:00:00Z',
      subject: ids.interactionSubject,
      partnerIds: [talker.id],
      objectiveIds: [objective.id],
      followUps: [{ title: 'Relancer les donateurs', dueOn: '2031-05-01', assigneeUserId: officer.user.id }],
    });
    expect(interaction.status).toBe(201);
    expect((await officer.post('/api/v1/interactions').send({ type: 'call', occurredAt: '2030-04-15T10:00:00Z', subject: 'Appel de l’an passé', partnerIds: [talker.id], objectiveIds: [objective.id] })).status).toBe(201);
  });

  it('counts the months of a period across a year end', () => {
    expect(monthsBetween('2030-11-15', '2031-02-01')).toEqual(['2030-11', '2030-12', '2031-01', '2031-02']);
  });

  it('shows, per objective of an axis, its partners, projects, visits and activity per month over the period', async () => {
    const response = await officer.get('/api/v1/plan/objectives?axis=II&from=2031-01-01&to=2031-12-31');
    expect(response.status).toBe(200);
    expect(response.body.objectives.every((item: { axis: string }) => item.axis === 'II')).toBeTrue();
    const progress = response.body.objectives.find((item: { id: number }) => item.id === objective.id);
    expect(progress.partners).toContain({ id: ids.partner, name: ids.partnerName });
    expect(progress.projects.map((project: { id: number }) => project.id)).toContain(ids.project);
    expect(progress.visits.map((visit: { id: number }) => visit.id)).toContain(ids.visit);
    expect(progress.activity.length).toBe(12);
    expect(progress.activity.find((month: { month: string }) => month.month === '2031-06').visits).toBeGreaterThanOrEqual(1);
    expect(progress.activity.find((month: { month: string }) => month.month === '2031-03').milestones).toBeGreaterThanOrEqual(1);
    expect(progress.activity.find((month: { month: string }) => month.month === '2031-04').interactions).toBeGreaterThanOrEqual(1);
    expect(progress.partners).toContain({ id: ids.talker, name: ids.talkerName });
    expect(progress.latestInteractions.map((item: { subject: string }) => item.subject)).toContain(ids.interactionSubject);
    expect(progress.latestInteractions.map((item: { subject: string }) => item.subject)).not.toContain('Appel de l’an passé');
    expect(progress.latestInteractions.find((item: { subject: string }) => item.subject === ids.interactionSubject).partners).toEqual([ids.talkerName]);
    expect(progress.openFollowUps).toContain(jasmine.objectContaining({ title: 'Relancer les donateurs', dueOn: '2031-05-01' }));

    const before = await officer.get('/api/v1/plan/objectives?axis=II&from=2030-01-01&to=2030-12-31');
    const earlier = before.body.objectives.find((item: { id: number }) => item.id === objective.id);
    expect(earlier.projects.map((project: { id: number }) => project.id)).not.toContain(ids.project);
    expect(earlier.visits.map((visit: { id: number }) => visit.id)).not.toContain(ids.visit);
    const axisOne = await officer.get('/api/v1/plan/objectives?axis=I&from=2031-01-01&to=2031-12-31');
    expect(axisOne.body.objectives.find((item: { id: number }) => item.id === other.id).visits.map((visit: { id: number }) => visit.id)).not.toContain(ids.visit);
  });

  it('refuses a period that ends before it starts, and a year out of range', async () => {
    const period = await officer.get('/api/v1/plan/objectives?from=2031-05-01&to=2031-01-01');
    expect(period.status).toBe(400);
    expect(period.body.errors[0].path).toBe('query.to');
    expect((await officer.get('/api/v1/plan/annual-report?year=deux-mille')).status).toBe(400);
    expect((await officer.get('/api/v1/plan/annual-report/pdf?year=1850')).status).toBe(400);
  });

  it('writes the annual report from the records, as data and as a PDF in French', async () => {
    const report = await officer.get('/api/v1/plan/annual-report?year=2031');
    expect(report.status).toBe(200);
    expect(report.body.year).toBe(2031);
    expect(report.body.totals.visits).toBeGreaterThanOrEqual(1);
    expect(report.body.totals.interactions).toBeGreaterThanOrEqual(1);
    expect(report.body.monthly.length).toBe(12);
    expect(report.body.monthly[3].interactions).toBeGreaterThanOrEqual(1);
    expect(report.body.monthly[5].visits).toBeGreaterThanOrEqual(1);
    expect(report.body.totals.milestonesCompleted).toBeGreaterThanOrEqual(1);
    const progress = report.body.objectives.find((item: { id: number }) => item.id === objective.id);
    expect(progress.milestonesCompleted).toContain(jasmine.objectContaining({ title: 'Envoi du premier convoi', completedOn: '2031-03-10' }));

    const pdf = await officer.get('/api/v1/plan/annual-report/pdf?year=2031').buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="rapport-annuel-2031.pdf"');
    const { text, pages } = await pdfText(pdf.body as Buffer);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['Rapport annuel 2031', 'Activité par objectif', 'Activité par mois', 'juin', objective.code, objective.title, ids.projectTitle, ids.visitTitle, 'Envoi du premier convoi', '10 mars 2031', ids.partnerName, 'Échanges enregistrés', 'Derniers échanges', ids.interactionSubject, 'Relancer les donateurs']) {
      expect(flat).withContext(expected).toContain(expected);
    }
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('is for the town’s staff only', async () => {
    const association = await signedIn('association');
    expect((await association.get('/api/v1/plan/objectives')).status).toBe(403);
    expect((await association.get('/api/v1/plan/annual-report?year=2031')).status).toBe(403);
    expect((await request(testContext().app).get('/api/v1/plan/annual-report/pdf?year=2031')).status).toBe(401);
    expect((await (await signedIn('cabinet')).get('/api/v1/plan/annual-report?year=2031')).status).toBe(200);
  });
});
