import { makePartner, signedIn, type TestClient } from '../testing/test-app';
import type { Role } from '../users/users.schema';
import { addDays, todayIso } from '../common/record-links';

let sequence = 0;
function unique(base: string) {
  sequence += 1;
  return `${base} ${sequence}${Math.random().toString(36).slice(2, 7)}`;
}

describe('projects API', () => {
  let officer: TestClient;
  let objectiveIds: Record<string, number>;

  beforeAll(async () => {
    officer = await signedIn('officer');
    const objectives = (await officer.get('/api/v1/objectives')).body.items as { id: number; code: string }[];
    objectiveIds = Object.fromEntries(objectives.map((objective) => [objective.code, objective.id]));
  });

  const create = (client: TestClient, body: Record<string, unknown>) => client.post('/api/v1/projects').send({ kind: 'cooperation', ...body });

  describe('permissions', () => {
    const cases: { role: Role; read: number; write: number }[] = [
      { role: 'admin', read: 200, write: 201 },
      { role: 'officer', read: 200, write: 201 },
      { role: 'cabinet', read: 200, write: 403 },
      { role: 'association', read: 403, write: 403 },
    ];
    for (const { role, read, write } of cases) {
      it(`lets ${role} read (${read}) and write (${write})`, async () => {
        const client = await signedIn(role);
        const project = (await create(officer, { title: unique('Droits') })).body;
        const ok = write === 201;
        // An association is told nothing about records by id: 404, as if they did not exist.
        const hidden = (status: number) => (role === 'association' ? 404 : status);
        expect((await client.get('/api/v1/projects')).status).toBe(read);
        expect((await client.get(`/api/v1/projects/${project.id}`)).status).toBe(hidden(read));
        expect((await client.get(`/api/v1/projects/${project.id}/history`)).status).toBe(hidden(read));
        expect((await client.get('/api/v1/milestones/due')).status).toBe(read);
        expect((await create(client, { title: unique('Créé') })).status).toBe(write);
        expect((await client.patch(`/api/v1/projects/${project.id}`).send({ version: 0, status: 'running' })).status).toBe(hidden(ok ? 200 : write));
        expect((await client.delete(`/api/v1/projects/${project.id}`)).status).toBe(hidden(ok ? 204 : write));
        expect((await client.post(`/api/v1/projects/${project.id}/restore`)).status).toBe(hidden(ok ? 200 : write));
      });
    }
  });

  it('creates a project with partners, objectives, budget and milestones, and records its history', async () => {
    const town = await makePartner({ name: unique('Zelenodolsk'), kind: 'partner_town', country: 'UA' });
    const response = await create(officer, {
      title: unique('U-LEAD avec Zelenodolsk'),
      kind: 'cooperation',
      status: 'running',
      startsOn: '2026-01-15',
      endsOn: '2027-06-30',
      budget: 12500.5,
      partnerIds: [town.id, town.id],
      objectiveIds: [objectiveIds['II.1'], objectiveIds['I.1']],
      milestones: [
        { title: 'Mission d’experts à Zelenodolsk', dueOn: '2026-03-01', completedOn: '2026-03-04' },
        { title: 'Rapport final', dueOn: '2027-06-01' },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual(jasmine.objectContaining({ status: 'running', budget: 12500.5, version: 0, startsOn: '2026-01-15' }));
    expect(response.body.partners).toEqual([{ id: town.id, name: town.name }]);
    expect(response.body.objectives.map((objective: { code: string }) => objective.code)).toEqual(['I.1', 'II.1']);
    expect(response.body.milestones.map((milestone: { title: string; completedOn: string | null }) => [milestone.title, milestone.completedOn])).toEqual([
      ['Mission d’experts à Zelenodolsk', '2026-03-04'],
      ['Rapport final', null],
    ]);
    const history = await officer.get(`/api/v1/projects/${response.body.id}/history`);
    expect(history.body.items[0]).toEqual(jasmine.objectContaining({ action: 'create' }));
    expect(history.body.items[0].after.partners).toEqual([town.name]);
    const listed = await officer.get(`/api/v1/projects?partner=${town.id}`);
    expect(listed.body.items.map((project: { id: number }) => project.id)).toEqual([response.body.id]);
  });

  it('refuses bad input with per-field errors', async () => {
    const bad = await create(officer, { title: '', kind: 'party', budget: -3, startsOn: '2026-13-01', milestones: [{ title: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(jasmine.arrayContaining(['title', 'kind', 'budget', 'startsOn', 'milestones.0.title']));
    const links = await create(officer, { title: unique('Liens'), startsOn: '2026-05-01', endsOn: '2026-04-01', partnerIds: [999999], objectiveIds: [999999] });
    expect(links.status).toBe(400);
    expect(links.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['endsOn', 'objectiveIds.0', 'partnerIds.0']);
  });

  it('refuses a stale version with the current project, and keeps the change made first', async () => {
    const project = (await create(officer, { title: unique('Conflit') })).body;
    const first = await officer.patch(`/api/v1/projects/${project.id}`).send({ version: 0, milestones: [{ title: 'Dépôt du dossier' }] });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    const stale = await officer.patch(`/api/v1/projects/${project.id}`).send({ version: 0, status: 'cancelled' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toEqual(jasmine.objectContaining({ status: 'planned', version: 1 }));
    expect(stale.body.current.milestones.map((milestone: { title: string }) => milestone.title)).toEqual(['Dépôt du dossier']);
  });

  it('lists milestones due soon and overdue, not completed ones nor those of finished projects', async () => {
    const today = todayIso();
    const title = unique('Projeunes');
    const running = (
      await create(officer, {
        title,
        kind: 'call_for_projects',
        status: 'running',
        milestones: [
          { title: 'En retard', dueOn: addDays(today, -2) },
          { title: 'Bientôt', dueOn: addDays(today, 5) },
          { title: 'Fait', dueOn: addDays(today, 1), completedOn: today },
          { title: 'Plus tard', dueOn: addDays(today, 90) },
        ],
      })
    ).body;
    await create(officer, { title: unique('Terminé'), status: 'completed', milestones: [{ title: 'Oublié', dueOn: addDays(today, 1) }] });
    const due = await officer.get('/api/v1/milestones/due?days=30');
    expect(due.status).toBe(200);
    const mine = due.body.items.filter((item: { project: { id: number } }) => item.project.id === running.id);
    expect(mine.map((item: { title: string }) => item.title)).toEqual(['En retard', 'Bientôt']);
    expect(mine[0].project.title).toBe(title);
    expect(due.body.items.some((item: { title: string }) => item.title === 'Oublié')).toBeFalse();
  });

  it('finds a project by its title in the search', async () => {
    const title = unique('Candidature label Ville européenne');
    const project = (await create(officer, { title, kind: 'label_candidacy' })).body;
    const found = await officer.get(`/api/v1/search?q=${encodeURIComponent(title)}&kinds=project`);
    expect(found.status).toBe(200);
    expect(found.body.groups[0].items.map((hit: { id: number }) => hit.id)).toContain(project.id);
    expect(found.body.groups[0].items[0].url).toBe(`/projets/${project.id}`);
  });
});

describe('merging partners and contacts', () => {
  it('moves the projects and visits of the merged partner, and the projects of the merged contact, to the record kept', async () => {
    const officer = await signedIn('officer');
    const kept = await makePartner({ name: unique('Ville gardée') });
    const merged = await makePartner({ name: unique('Ville doublon') });
    const project = (await officer.post('/api/v1/projects').send({ title: unique('Projet commun'), kind: 'exchange', partnerIds: [merged.id, kept.id] })).body;
    const other = (await officer.post('/api/v1/projects').send({ title: unique('Projet du doublon'), kind: 'exchange', partnerIds: [merged.id] })).body;
    const visit = (await officer.post('/api/v1/visits').send({ title: unique('Visite'), direction: 'incoming', startsOn: '2026-06-01', endsOn: '2026-06-01', partnerIds: [merged.id] })).body;
    const keptPartner = (await officer.get(`/api/v1/partners/${kept.id}`)).body;
    const merge = await officer.post(`/api/v1/partners/${kept.id}/merge`).send({ from: merged.id, version: keptPartner.version });
    expect(merge.status).toBe(200);
    expect((await officer.get(`/api/v1/projects/${project.id}`)).body.partners.map((partner: { id: number }) => partner.id)).toEqual([kept.id]);
    expect((await officer.get(`/api/v1/projects/${other.id}`)).body.partners.map((partner: { id: number }) => partner.id)).toEqual([kept.id]);
    expect((await officer.get(`/api/v1/visits/${visit.id}`)).body.partners.map((partner: { id: number }) => partner.id)).toEqual([kept.id]);

    const first = (await officer.post('/api/v1/contacts').send({ lastName: unique('Gardé'), legalBasis: 'public_task' })).body;
    const second = (await officer.post('/api/v1/contacts').send({ lastName: unique('Doublon'), legalBasis: 'public_task' })).body;
    const withContact = (await officer.post('/api/v1/projects').send({ title: unique('Projet avec contact'), kind: 'event', contactIds: [second.id] })).body;
    expect((await officer.post(`/api/v1/contacts/${first.id}/merge`).send({ from: second.id, version: first.version })).status).toBe(200);
    expect((await officer.get(`/api/v1/projects/${withContact.id}`)).body.contacts.map((contact: { id: number }) => contact.id)).toEqual([first.id]);
  });
});
