import request from 'supertest';
import { Affiliation, Contact } from '../contacts/contact.model';
import { makePartner, signedIn, testContext, type TestClient } from '../testing/test-app';
import { pdfText } from '../testing/pdf-text';
import type { Role } from '../users/users.schema';

let sequence = 0;
function unique(base: string) {
  sequence += 1;
  return `${base} ${sequence}${Math.random().toString(36).slice(2, 7)}`;
}

/** supertest keeps a binary body as a Buffer only when asked to. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('visits API and briefing packs', () => {
  let cabinet: TestClient;
  let officer: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    cabinet = await signedIn('cabinet');
    officer = await signedIn('officer');
  });

  const create = (client: TestClient, body: Record<string, unknown>) =>
    client.post('/api/v1/visits').send({ title: unique('Visite'), direction: 'outgoing', startsOn: '2026-05-12', endsOn: '2026-05-14', ...body });

  describe('permissions', () => {
    const cases: { role: Role; read: number; write: number }[] = [
      { role: 'admin', read: 200, write: 201 },
      { role: 'officer', read: 200, write: 201 },
      { role: 'cabinet', read: 200, write: 201 },
      { role: 'association', read: 403, write: 403 },
    ];
    for (const { role, read, write } of cases) {
      it(`lets ${role} read (${read}) and write (${write}) visits`, async () => {
        const client = await signedIn(role);
        const partner = await makePartner();
        const visit = (await create(officer, { partnerIds: [partner.id] })).body;
        const ok = write === 201;
        // An association is told nothing about records by id: 404, as if they did not exist.
        const hidden = (status: number) => (role === 'association' ? 404 : status);
        expect((await client.get('/api/v1/visits')).status).toBe(read);
        expect((await client.get(`/api/v1/visits/${visit.id}`)).status).toBe(hidden(read));
        expect((await client.get(`/api/v1/visits/${visit.id}/history`)).status).toBe(hidden(read));
        expect((await client.get(`/api/v1/visits/${visit.id}/briefing`)).status).toBe(hidden(read));
        expect((await client.get(`/api/v1/partners/${partner.id}/briefing`)).status).toBe(hidden(read));
        expect((await create(client, {})).status).toBe(write);
        expect((await client.patch(`/api/v1/visits/${visit.id}`).send({ version: 0, places: ['Rathaus'] })).status).toBe(hidden(ok ? 200 : write));
        expect((await client.delete(`/api/v1/visits/${visit.id}`)).status).toBe(hidden(ok ? 204 : write));
        expect((await client.post(`/api/v1/visits/${visit.id}/restore`)).status).toBe(hidden(ok ? 200 : write));
      });
    }

    it('needs a signed-in user for the PDF', async () => {
      expect((await request(testContext().app).get('/api/v1/visits/1/briefing/pdf')).status).toBe(401);
    });
  });

  it('lets the mayor’s office create a visit with delegation and programme, ordered by day and time', async () => {
    const partner = await makePartner({ name: unique('Brühl'), kind: 'twin_town', country: 'DE' });
    const response = await create(cabinet, {
      title: unique('Déplacement à Brühl'),
      places: ['Rathaus Brühl', 'Schloss Augustusburg'],
      partnerIds: [partner.id],
      delegation: [
        { side: 'town', name: 'Philippe Laurent', role: 'Maire' },
        { side: 'partner', name: 'Dieter Freytag', role: 'Bürgermeister' },
      ],
      programme: [
        { day: '2026-05-13', time: '10:00', place: 'Rathaus', what: 'Réunion de travail' },
        { day: '2026-05-12', time: '18:30', place: 'Schloss', what: 'Dîner d’accueil' },
        { day: '2026-05-12', time: '09:00', what: 'Départ de Sceaux' },
      ],
      notesForMayor: 'Évoquer l’échange scolaire de 2027.',
    });
    expect(response.status).toBe(201);
    expect(response.body.programme.map((item: { what: string }) => item.what)).toEqual(['Départ de Sceaux', 'Dîner d’accueil', 'Réunion de travail']);
    expect(response.body.delegation).toEqual([
      { side: 'town', name: 'Philippe Laurent', role: 'Maire' },
      { side: 'partner', name: 'Dieter Freytag', role: 'Bürgermeister' },
    ]);
    expect(response.body.partners).toEqual([{ id: partner.id, name: partner.name }]);
    const listed = await cabinet.get(`/api/v1/visits?partner=${partner.id}`);
    expect(listed.body.items.map((visit: { id: number }) => visit.id)).toEqual([response.body.id]);
  });

  it('refuses bad input: dates in the wrong order, a programme day outside the visit, an unknown direction', async () => {
    const bad = await create(cabinet, { direction: 'sideways', startsOn: 'demain', delegation: [{ side: 'both', name: '' }], programme: [{ day: '2026-05-12', time: '25:00', what: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(
      jasmine.arrayContaining(['direction', 'startsOn', 'delegation.0.side', 'delegation.0.name', 'programme.0.time', 'programme.0.what']),
    );
    const order = await create(cabinet, { startsOn: '2026-05-14', endsOn: '2026-05-12', programme: [{ day: '2026-06-01', what: 'Visite' }] });
    expect(order.status).toBe(400);
    expect(order.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['endsOn', 'programme.0.day']);
  });

  it('refuses a stale version and keeps the first change', async () => {
    const visit = (await create(cabinet, {})).body;
    expect((await officer.patch(`/api/v1/visits/${visit.id}`).send({ version: 0, notesForMayor: 'Première note' })).status).toBe(200);
    const stale = await cabinet.patch(`/api/v1/visits/${visit.id}`).send({ version: 0, notesForMayor: 'Seconde note' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toEqual(jasmine.objectContaining({ notesForMayor: 'Première note', version: 1 }));
  });

  it('builds the briefing pack from the records: profile, key dates, key people, running projects, objectives, programme', async () => {
    const partner = await makePartner({ name: unique('Brühl'), kind: 'twin_town', country: 'DE' });
    await partner.update({ charterSignedOn: '1974-06-22', city: 'Brühl', localNames: { uk: 'Брюль' } });
    const contact = await Contact.create({
      firstName: 'Anna',
      lastName: unique('Schmidt'),
      jobTitle: 'Beigeordnete',
      country: 'DE',
      emails: ['anna.schmidt@bruehl.example'],
      phones: [],
      languages: ['de', 'fr'],
      notes: null,
      legalBasis: 'public_task',
      consentOn: null,
      consentSource: null,
    });
    await Affiliation.create({ contactId: contact.id, partnerId: partner.id, role: 'Adjointe aux jumelages', startedOn: '2020-01-01', endedOn: null });
    const former = await Contact.create({ firstName: 'Ex', lastName: unique('Ancien'), jobTitle: null, country: null, notes: null, legalBasis: 'public_task', consentOn: null, consentSource: null });
    await Affiliation.create({ contactId: former.id, partnerId: partner.id, role: 'Ancien maire', startedOn: '2000-01-01', endedOn: '2010-01-01' });
    const objectives = (await officer.get('/api/v1/objectives')).body.items as { id: number; code: string }[];
    const franco = objectives.find((objective) => objective.code === 'I.3')!;
    const project = await officer.post('/api/v1/projects').send({
      title: unique('Échange scolaire Brühl'),
      kind: 'exchange',
      status: 'running',
      partnerIds: [partner.id],
      milestones: [{ title: 'Accueil des élèves', dueOn: '2027-04-01' }],
    });
    await officer.post('/api/v1/projects').send({ title: unique('Projet terminé'), kind: 'event', status: 'completed', partnerIds: [partner.id] });
    // The relationship's history: twelve interactions, the first one long ago, and follow-ups.
    const first = await officer.post('/api/v1/interactions').send({ type: 'letter', occurredAt: '1973-03-01T10:00:00Z', subject: 'Première lettre du maire de Brühl', partnerIds: [partner.id] });
    expect(first.status).toBe(201);
    for (let month = 1; month <= 11; month += 1) {
      const logged = await officer.post('/api/v1/interactions').send({
        type: 'meeting',
        occurredAt: `2026-${String(month).padStart(2, '0')}-10T09:00:00Z`,
        subject: `Réunion de jumelage n° ${month}`,
        partnerIds: [partner.id],
        contactIds: [contact.id],
        ...(month === 11 ? { followUps: [{ title: 'Envoyer le programme de l’échange scolaire', dueOn: '2026-12-15', assigneeUserId: officer.user.id }] } : {}),
      });
      expect(logged.status).toBe(201);
    }
    const direct = await officer.post('/api/v1/follow-ups').send({ title: 'Confirmer la date du dîner', dueOn: '2026-01-05', assigneeUserId: officer.user.id, partnerId: partner.id });
    expect(direct.status).toBe(201);
    const done = await officer.post('/api/v1/follow-ups').send({ title: 'Suivi déjà fait', dueOn: '2026-01-05', assigneeUserId: officer.user.id, partnerId: partner.id });
    expect((await officer.patch(`/api/v1/follow-ups/${done.body.id}`).send({ version: done.body.version, status: 'done' })).status).toBe(200);

    const visit = (
      await create(cabinet, {
        title: unique('Déplacement à Brühl'),
        partnerIds: [partner.id],
        objectiveIds: [franco.id],
        places: ['Rathaus Brühl'],
        programme: [{ day: '2026-05-12', time: '10:00', place: 'Rathaus', what: 'Réception à l’hôtel de ville' }],
        notesForMayor: 'Évoquer l’échange scolaire.',
      })
    ).body;

    const pack = await cabinet.get(`/api/v1/visits/${visit.id}/briefing`);
    expect(pack.status).toBe(200);
    expect(pack.body.visit.id).toBe(visit.id);
    expect(pack.body.objectives.map((objective: { code: string }) => objective.code)).toEqual(['I.3']);
    const brief = pack.body.partners[0];
    expect(brief).toEqual(jasmine.objectContaining({ name: partner.name, charterSignedOn: '1974-06-22' }));
    expect(brief.twinningYears).toBeGreaterThanOrEqual(51);
    expect(brief.keyPeople.map((person: { name: string }) => person.name)).toEqual([contact.fullName]);
    expect(brief.keyPeople[0]).toEqual(jasmine.objectContaining({ role: 'Adjointe aux jumelages', languages: ['de', 'fr'] }));
    expect(brief.runningProjects.map((item: { id: number }) => item.id)).toEqual([project.body.id]);
    expect(brief.runningProjects[0].nextMilestone).toEqual({ title: 'Accueil des élèves', dueOn: '2027-04-01' });
    expect(brief.interactionCount).toBe(12);
    expect(brief.firstContact).toEqual(jasmine.objectContaining({ subject: 'Première lettre du maire de Brühl', type: 'letter' }));
    expect(brief.lastInteractions.map((item: { subject: string }) => item.subject)).toEqual(
      [11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((month) => `Réunion de jumelage n° ${month}`),
    );
    expect(brief.lastInteractions[0].contacts).toEqual([contact.fullName]);
    expect(brief.openFollowUps.map((item: { title: string }) => item.title)).toEqual(['Confirmer la date du dîner', 'Envoyer le programme de l’échange scolaire']);
    expect(brief.openFollowUps[1]).toEqual(jasmine.objectContaining({ dueOn: '2026-12-15', assignee: officer.user.displayName }));

    const pdf = await cabinet.get(`/api/v1/visits/${visit.id}/briefing/pdf`).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="dossier-visite-deplacement-a-bruhl-.*\.pdf"$/);
    const { text } = await pdfText(pdf.body as Buffer);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [visit.title, partner.name, contact.fullName, 'Adjointe aux jumelages', 'anna.schmidt@bruehl.example', 'allemand', '22 juin 1974', 'Réception à l’hôtel de ville', 'Évoquer l’échange scolaire.', 'I.3', project.body.title, 'Accueil des élèves', 'Premier contact', '1er mars 1973', 'Première lettre du maire de Brühl', 'Réunion de jumelage n° 11', 'Réunion de jumelage n° 2', 'Envoyer le programme de l’échange scolaire', 'Confirmer la date du dîner']) {
      expect(flat).withContext(expected).toContain(expected);
    }
    expect(flat).not.toContain(former.fullName);
    expect(flat).not.toContain('Projet terminé');
    expect(flat).not.toContain('Réunion de jumelage n° 1 ');
    expect(flat).not.toContain('Suivi déjà fait');

    const alone = await cabinet.get(`/api/v1/partners/${partner.id}/briefing/pdf`).buffer(true).parse(binary);
    expect(alone.status).toBe(200);
    const aloneText = (await pdfText(alone.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(aloneText).toContain(contact.fullName);
    expect(aloneText).toContain(visit.title);
  });

  it('answers 404 for the briefing of a visit or partner that does not exist', async () => {
    expect((await cabinet.get('/api/v1/visits/999999/briefing/pdf')).status).toBe(404);
    expect((await cabinet.get('/api/v1/partners/999999/briefing')).status).toBe(404);
  });
});
