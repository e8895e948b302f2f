import { Interaction } from './interaction.model';
import { FollowUp } from '../follow-ups/follow-up.model';
import { Partner } from '../partners/partner.model';
import { makePartner, signedIn, type TestClient } from '../testing/test-app';
import type { Role } from '../users/users.schema';

let sequence = 0;
function unique(base: string) {
  sequence += 1;
  return `${base} ${sequence}${Math.random().toString(36).slice(2, 7)}`;
}

describe('interactions API', () => {
  let officer: TestClient & { user: { id: number } };
  let colleague: TestClient & { user: { id: number } };
  let objectiveIds: number[];

  beforeAll(async () => {
    officer = await signedIn('officer');
    colleague = await signedIn('officer');
    objectiveIds = (await officer.get('/api/v1/objectives')).body.items.map((objective: { id: number }) => objective.id);
  });

  async function makeContact(partnerId: number, lastName = unique('Contact')) {
    const response = await officer.post('/api/v1/contacts').send({ lastName, legalBasis: 'public_task', affiliations: [{ partnerId }] });
    expect(response.status).withContext(JSON.stringify(response.body)).toBe(201);
    return response.body as { id: number; fullName: string };
  }

  const log = (client: TestClient, body: Record<string, unknown>) => client.post('/api/v1/interactions').send({ type: 'meeting', subject: unique('Réunion'), ...body });

  describe('permissions', () => {
    const cases: { role: Role; status: number }[] = [
      { role: 'admin', status: 201 },
      { role: 'officer', status: 201 },
      { role: 'cabinet', status: 201 },
      { role: 'association', status: 403 },
    ];
    for (const { role, status } of cases) {
      it(`answers ${status} to ${role} for logging, reading and listing`, async () => {
        const client = await signedIn(role);
        const partner = await makePartner();
        const existing = (await log(officer, { partnerIds: [partner.id] })).body;
        expect((await log(client, { partnerIds: [partner.id] })).status).toBe(status);
        const read = status === 201 ? 200 : status;
        expect((await client.get('/api/v1/interactions')).status).toBe(read);
        // An association is told nothing about records by id: 404, as if they did not exist.
        const hidden = role === 'association' ? 404 : read;
        expect((await client.get(`/api/v1/interactions/${existing.id}`)).status).toBe(hidden);
        expect((await client.get('/api/v1/follow-ups?assignee=me&status=open')).status).toBe(read);
        expect((await client.get(`/api/v1/partners/${partner.id}/timeline`)).status).toBe(hidden);
      });
    }
  });

  it('logs a meeting with partners, contacts, participants, objectives and follow-ups in one request', async () => {
    const bruhl = await makePartner({ name: unique('Brühl'), kind: 'twin_town', country: 'DE' });
    const anna = await makeContact(bruhl.id, unique('Schmidt'));
    const jan = await makeContact(bruhl.id, unique('Becker'));
    const occurredAt = '2026-11-20T14:30:00+01:00';
    const response = await log(officer, {
      occurredAt,
      subject: 'Préparation de l’échange scolaire',
      notes: 'Dates retenues pour avril ; hébergement en familles.',
      location: 'Rathaus Brühl',
      partnerIds: [bruhl.id],
      contactIds: [anna.id, jan.id],
      participantIds: [officer.user.id, colleague.user.id],
      objectiveIds: [objectiveIds[0]],
      followUps: [{ title: 'Envoyer la liste des familles', dueOn: '2026-12-05', assigneeUserId: colleague.user.id }],
    });
    expect(response.status).withContext(JSON.stringify(response.body)).toBe(201);
    const body = response.body;
    expect(body.version).toBe(0);
    expect(new Date(body.occurredAt).toISOString()).toBe('2026-11-20T13:30:00.000Z');
    expect(body.partners.map((partner: { id: number }) => partner.id)).toEqual([bruhl.id]);
    expect(body.contacts.map((contact: { id: number }) => contact.id).sort()).toEqual([anna.id, jan.id].sort());
    expect(body.participants.length).toBe(2);
    expect(body.objectives[0].id).toBe(objectiveIds[0]);
    expect(body.createdBy.id).toBe(officer.user.id);
    expect(body.followUps.length).toBe(1);
    expect(body.followUps[0]).toEqual(jasmine.objectContaining({ title: 'Envoyer la liste des familles', status: 'open', dueBeforeInteraction: false }));
    expect(body.followUps[0].assignee.id).toBe(colleague.user.id);

    const partner = await Partner.findByPk(bruhl.id);
    expect(partner!.lastInteractionAt!.toISOString()).toBe('2026-11-20T13:30:00.000Z');
    const history = await officer.get(`/api/v1/interactions/${body.id}`);
    expect(history.status).toBe(200);

    const found = await officer.get('/api/v1/search').query({ q: 'hébergement familles', kinds: 'interaction' });
    expect(found.status).toBe(200);
    expect(found.body.groups[0].items.map((hit: { id: number }) => hit.id)).toContain(body.id);
    const foundFollowUp = await officer.get('/api/v1/search').query({ q: 'liste des familles', kinds: 'follow_up' });
    expect(foundFollowUp.body.groups[0].items.map((hit: { id: number }) => hit.id)).toContain(body.followUps[0].id);
  });

  it('defaults the date to now', async () => {
    const partner = await makePartner();
    const before = Date.now();
    const response = await log(officer, { partnerIds: [partner.id] });
    expect(response.status).toBe(201);
    expect(new Date(response.body.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(response.body.occurredAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  describe('bad input', () => {
    it('refuses an interaction with no partner and no contact, with a clear message', async () => {
      const response = await log(officer, {});
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path: 'partnerIds', message: 'Indiquez au moins un partenaire ou un contact concerné par cette interaction.' }]);
    });

    it('answers 400, not 500, for unknown participants, objectives, partners and assignees, and writes nothing', async () => {
      const partner = await makePartner();
      const before = await Interaction.count({ paranoid: false });
      const followUpsBefore = await FollowUp.count({ paranoid: false });
      const response = await log(officer, {
        partnerIds: [partner.id, 99_999_999],
        participantIds: [99_999_998],
        objectiveIds: [99_999_997],
        followUps: [{ title: 'Rappeler', dueOn: '2026-12-01', assigneeUserId: 99_999_996 }],
      });
      expect(response.status).toBe(400);
      const paths = response.body.errors.map((error: { path: string }) => error.path).sort();
      expect(paths).toEqual(['followUps.0.assigneeUserId', 'objectiveIds.0', 'participantIds.0', 'partnerIds.1']);
      expect(await Interaction.count({ paranoid: false })).toBe(before);
      expect(await FollowUp.count({ paranoid: false })).toBe(followUpsBefore);
    });

    it('refuses an association account as assignee or participant', async () => {
      const partner = await makePartner();
      const association = await signedIn('association');
      const response = await log(officer, { partnerIds: [partner.id], participantIds: [association.user.id], followUps: [{ title: 'X', dueOn: '2026-12-01', assigneeUserId: association.user.id }] });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['followUps.0.assigneeUserId', 'participantIds.0']);
    });

    it('validates types and dates with French messages', async () => {
      const partner = await makePartner();
      const response = await log(officer, { type: 'fax', occurredAt: 'hier', partnerIds: [partner.id], followUps: [{ title: '', dueOn: '31/12/2026', assigneeUserId: officer.user.id }] });
      expect(response.status).toBe(400);
      const paths = response.body.errors.map((error: { path: string }) => error.path);
      expect(paths).toContain('type');
      expect(paths).toContain('occurredAt');
      expect(paths).toContain('followUps.0.title');
      expect(paths).toContain('followUps.0.dueOn');
    });

    it('accepts a follow-up due before its interaction but flags it', async () => {
      const partner = await makePartner();
      const response = await log(officer, {
        occurredAt: '2026-11-20T10:00:00+01:00',
        partnerIds: [partner.id],
        followUps: [{ title: 'Déjà en retard', dueOn: '2026-11-19', assigneeUserId: officer.user.id }],
      });
      expect(response.status).toBe(201);
      expect(response.body.followUps[0].dueBeforeInteraction).toBeTrue();
    });
  });

  describe('editing', () => {
    it('changes an interaction with its version, refuses a stale one with the current record, and moves last_interaction_at', async () => {
      const first = await makePartner();
      const second = await makePartner();
      const created = (await log(officer, { partnerIds: [first.id], occurredAt: '2026-10-01T09:00:00Z' })).body;
      const changed = await officer.patch(`/api/v1/interactions/${created.id}`).send({ version: 0, partnerIds: [second.id], occurredAt: '2026-10-02T09:00:00Z' });
      expect(changed.status).withContext(JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.version).toBe(1);
      expect((await Partner.findByPk(first.id))!.lastInteractionAt).toBeNull();
      expect((await Partner.findByPk(second.id))!.lastInteractionAt!.toISOString()).toBe('2026-10-02T09:00:00.000Z');

      const stale = await colleague.patch(`/api/v1/interactions/${created.id}`).send({ version: 0, subject: 'Autre objet' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');
      expect(stale.body.current.version).toBe(1);
      expect(stale.body.lastChange.fields).toContain('partners');

      const emptied = await officer.patch(`/api/v1/interactions/${created.id}`).send({ version: 1, partnerIds: [] });
      expect(emptied.status).toBe(400);
    });

    it('soft-deletes and restores, keeping last_interaction_at in step', async () => {
      const partner = await makePartner();
      const older = (await log(officer, { partnerIds: [partner.id], occurredAt: '2026-09-01T09:00:00Z' })).body;
      const newer = (await log(officer, { partnerIds: [partner.id], occurredAt: '2026-09-10T09:00:00Z' })).body;
      expect((await Partner.findByPk(partner.id))!.lastInteractionAt!.toISOString()).toBe('2026-09-10T09:00:00.000Z');
      expect((await officer.delete(`/api/v1/interactions/${newer.id}`)).status).toBe(204);
      expect((await Partner.findByPk(partner.id))!.lastInteractionAt!.toISOString()).toBe('2026-09-01T09:00:00.000Z');
      expect((await officer.get(`/api/v1/interactions?partner=${partner.id}`)).body.items.map((item: { id: number }) => item.id)).toEqual([older.id]);
      const trash = await officer.get(`/api/v1/interactions?deleted=true&partner=${partner.id}`);
      expect(trash.body.items.map((item: { id: number }) => item.id)).toEqual([newer.id]);
      const restored = await officer.post(`/api/v1/interactions/${newer.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.body.deletedAt).toBeNull();
      expect((await Partner.findByPk(partner.id))!.lastInteractionAt!.toISOString()).toBe('2026-09-10T09:00:00.000Z');
      const history = await officer.get(`/api/v1/partners/${partner.id}/timeline?kind=interaction`);
      expect(history.body.items.length).toBe(2);
    });
  });

  describe('list', () => {
    it('filters by partner, contact, type, objective, participant, period and text, newest first, page by page', async () => {
      const partner = await makePartner();
      const contact = await makeContact(partner.id);
      const word = `mot${Math.random().toString(36).slice(2, 8)}`;
      const a = (await log(officer, { type: 'call', partnerIds: [partner.id], occurredAt: '2026-03-01T10:00:00Z', notes: `Appel ${word}` })).body;
      const b = (await log(colleague, { type: 'meeting', contactIds: [contact.id], occurredAt: '2026-03-05T10:00:00Z', participantIds: [colleague.user.id], objectiveIds: [objectiveIds[1]] })).body;
      const c = (await log(officer, { type: 'email', partnerIds: [partner.id], contactIds: [contact.id], occurredAt: '2026-03-09T10:00:00Z' })).body;
      const ids = async (query: string) => (await officer.get(`/api/v1/interactions?${query}`)).body.items.map((item: { id: number }) => item.id);
      expect(await ids(`partner=${partner.id}`)).toEqual([c.id, a.id]);
      expect(await ids(`contact=${contact.id}`)).toEqual([c.id, b.id]);
      expect(await ids(`partner=${partner.id}&type=call`)).toEqual([a.id]);
      expect(await ids(`contact=${contact.id}&objective=${objectiveIds[1]}`)).toEqual([b.id]);
      expect(await ids(`contact=${contact.id}&participant=${colleague.user.id}`)).toEqual([b.id]);
      expect(await ids(`partner=${partner.id}&from=2026-03-02&to=2026-03-09`)).toEqual([c.id]);
      expect(await ids(`q=${word.toUpperCase()}`)).toEqual([a.id]);
      expect(await ids(`partner=${partner.id}&sort=occurred`)).toEqual([a.id, c.id]);
      const first = await officer.get(`/api/v1/interactions?partner=${partner.id}&contact=&limit=1`);
      expect(first.body.items.length).toBe(1);
      const second = await officer.get(`/api/v1/interactions?partner=${partner.id}&limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.items[0].id).toBe(a.id);
      expect(second.body.nextCursor).toBeNull();
      expect((await officer.get('/api/v1/interactions?participant=abc')).status).toBe(400);
      expect((await officer.get('/api/v1/interactions?cursor=nonsense')).status).toBe(400);
    });
  });

  describe('follow-ups', () => {
    it('lists my open follow-ups; completes, reopens, reassigns and postpones them with their version', async () => {
      const partner = await makePartner();
      const me = await signedIn('officer');
      const other = await signedIn('officer');
      const created = (await log(officer, {
        partnerIds: [partner.id],
        followUps: [
          { title: 'Plus tard', dueOn: '2030-01-10', assigneeUserId: me.user.id },
          { title: 'En retard', dueOn: '2020-01-10', assigneeUserId: me.user.id },
          { title: 'Pas à moi', dueOn: '2026-01-10', assigneeUserId: other.user.id },
        ],
      })).body;
      const mine = await me.get('/api/v1/follow-ups?assignee=me&status=open');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((item: { title: string }) => item.title)).toEqual(['En retard', 'Plus tard']);
      expect(mine.body.items[0].overdue).toBeTrue();
      expect(mine.body.items[1].overdue).toBeFalse();
      expect(mine.body.items[0].interaction.id).toBe(created.id);

      const late = mine.body.items[0];
      const done = await me.patch(`/api/v1/follow-ups/${late.id}`).send({ version: late.version, status: 'done' });
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('done');
      expect(done.body.completedAt).not.toBeNull();
      expect(done.body.overdue).toBeFalse();
      expect((await me.get('/api/v1/follow-ups?assignee=me&status=open')).body.items.length).toBe(1);

      const stale = await me.patch(`/api/v1/follow-ups/${late.id}`).send({ version: late.version, status: 'open' });
      expect(stale.status).toBe(409);
      expect(stale.body.current.status).toBe('done');

      const reopened = await me.patch(`/api/v1/follow-ups/${late.id}`).send({ version: done.body.version, status: 'open' });
      expect(reopened.body.status).toBe('open');
      expect(reopened.body.completedAt).toBeNull();
      const moved = await me.patch(`/api/v1/follow-ups/${late.id}`).send({ version: reopened.body.version, assigneeUserId: other.user.id, dueOn: '2031-02-03' });
      expect(moved.status).toBe(200);
      expect(moved.body.assignee.id).toBe(other.user.id);
      expect(moved.body.dueOn).toBe('2031-02-03');
      expect((await other.get('/api/v1/follow-ups?assignee=me&status=open')).body.items.map((item: { id: number }) => item.id)).toContain(late.id);
      const badAssignee = await me.patch(`/api/v1/follow-ups/${late.id}`).send({ version: moved.body.version, assigneeUserId: 99_999_999 });
      expect(badAssignee.status).toBe(400);
      expect(badAssignee.body.errors[0].path).toBe('assigneeUserId');
    });

    it('creates a follow-up on a partner; refuses one linked to nothing; deletes and restores', async () => {
      const partner = await makePartner();
      const unlinked = await officer.post('/api/v1/follow-ups').send({ title: 'Seul', dueOn: '2026-12-01', assigneeUserId: officer.user.id });
      expect(unlinked.status).toBe(400);
      const created = await officer.post('/api/v1/follow-ups').send({ title: 'Envoyer la convention', dueOn: '2026-12-01', assigneeUserId: officer.user.id, partnerId: partner.id });
      expect(created.status).toBe(201);
      expect(created.body.partner.id).toBe(partner.id);
      expect((await officer.get(`/api/v1/follow-ups?partner=${partner.id}`)).body.items.length).toBe(1);
      expect((await officer.delete(`/api/v1/follow-ups/${created.body.id}`)).status).toBe(204);
      expect((await officer.get(`/api/v1/follow-ups?partner=${partner.id}`)).body.items.length).toBe(0);
      expect((await officer.post(`/api/v1/follow-ups/${created.body.id}/restore`)).status).toBe(200);
      expect((await officer.get(`/api/v1/follow-ups/${created.body.id}`)).body.deletedAt).toBeNull();
      expect((await officer.get('/api/v1/follow-ups/99999999')).status).toBe(404);
      expect((await officer.get('/api/v1/follow-ups?assignee=nobody')).status).toBe(400);
    });
  });

  describe('timeline', () => {
    it('shows interactions, follow-ups and changes newest first, filters by kind, and pages without gaps or repeats', async () => {
      const partnerBody = (await officer.post('/api/v1/partners').send({ name: unique('Ville partenaire'), kind: 'partner_town', country: 'UA', confirmDuplicate: true })).body;
      await officer.patch(`/api/v1/partners/${partnerBody.id}`).send({ version: 0, city: 'Zelenodolsk' });
      const contact = await makeContact(partnerBody.id);
      const visit = (await log(officer, { type: 'visit', partnerIds: [partnerBody.id], occurredAt: new Date(Date.now() + 60_000).toISOString() })).body;
      const call = (await log(officer, {
        type: 'call',
        partnerIds: [partnerBody.id],
        contactIds: [contact.id],
        occurredAt: '2026-01-05T10:00:00Z',
        followUps: [{ title: 'Envoyer le programme', dueOn: '2026-12-01', assigneeUserId: officer.user.id }],
      })).body;
      const all = await officer.get(`/api/v1/partners/${partnerBody.id}/timeline`);
      expect(all.status).toBe(200);
      const kinds = all.body.items.map((entry: { kind: string }) => entry.kind);
      expect(kinds[0]).toBe('interaction');
      expect(all.body.items[0].interaction.id).toBe(visit.id);
      expect(kinds).toContain('follow_up');
      expect(kinds.filter((kind: string) => kind === 'change').length).toBe(2);
      const times = all.body.items.map((entry: { at: string }) => new Date(entry.at).getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(all.body.items.at(-1).interaction.id).toBe(call.id);

      const calls = await officer.get(`/api/v1/partners/${partnerBody.id}/timeline?kind=interaction&type=call`);
      expect(calls.body.items.map((entry: { interaction: { id: number } }) => entry.interaction.id)).toEqual([call.id]);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { kind: string; at: string; interaction?: { id: number }; followUp?: { id: number }; change?: { id: number } }[]; nextCursor: string | null } } =
          await officer.get(`/api/v1/partners/${partnerBody.id}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        for (const entry of page.body.items) seen.push(`${entry.kind}:${(entry.interaction ?? entry.followUp ?? entry.change)!.id}`);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.body.items.map((entry: { kind: string; interaction?: { id: number }; followUp?: { id: number }; change?: { id: number } }) => `${entry.kind}:${(entry.interaction ?? entry.followUp ?? entry.change)!.id}`));

      const contactTimeline = await officer.get(`/api/v1/contacts/${contact.id}/timeline`);
      expect(contactTimeline.status).toBe(200);
      expect(contactTimeline.body.items.filter((entry: { kind: string }) => entry.kind !== 'change').map((entry: { kind: string }) => entry.kind)).toEqual(['follow_up', 'interaction']);
      expect((await officer.get('/api/v1/partners/99999999/timeline')).status).toBe(404);
      expect((await officer.get(`/api/v1/partners/${partnerBody.id}/timeline?cursor=xyz`)).status).toBe(400);
    });
  });

  describe('merges', () => {
    it('moves interactions and follow-ups to the partner kept, one link per interaction', async () => {
      const kept = await makePartner({ name: unique('Gardé') });
      const merged = await makePartner({ name: unique('Fusionné') });
      const both = (await log(officer, { partnerIds: [kept.id, merged.id] })).body;
      const onlyMerged = (await log(officer, { partnerIds: [merged.id], occurredAt: '2026-11-25T10:00:00Z' })).body;
      const followUp = (await officer.post('/api/v1/follow-ups').send({ title: 'Suivi', dueOn: '2026-12-01', assigneeUserId: officer.user.id, partnerId: merged.id })).body;
      const response = await officer.post(`/api/v1/partners/${kept.id}/merge`).send({ from: merged.id, version: 0 });
      expect(response.status).withContext(JSON.stringify(response.body)).toBe(200);
      const ids = (await officer.get(`/api/v1/interactions?partner=${kept.id}`)).body.items.map((item: { id: number }) => item.id).sort();
      expect(ids).toEqual([both.id, onlyMerged.id].sort());
      expect((await officer.get(`/api/v1/interactions/${both.id}`)).body.partners.length).toBe(1);
      expect((await officer.get(`/api/v1/follow-ups/${followUp.id}`)).body.partner.id).toBe(kept.id);
    });

    it('moves interactions and follow-ups to the contact kept', async () => {
      const partner = await makePartner();
      const kept = await makeContact(partner.id, unique('Garde'));
      const merged = await makeContact(partner.id, unique('Doublon'));
      const interaction = (await log(officer, { contactIds: [merged.id, kept.id] })).body;
      const followUp = (await officer.post('/api/v1/follow-ups').send({ title: 'Suivi', dueOn: '2026-12-01', assigneeUserId: officer.user.id, contactId: merged.id })).body;
      const response = await officer.post(`/api/v1/contacts/${kept.id}/merge`).send({ from: merged.id, version: 0 });
      expect(response.status).withContext(JSON.stringify(response.body)).toBe(200);
      expect((await officer.get(`/api/v1/interactions/${interaction.id}`)).body.contacts.map((contact: { id: number }) => contact.id)).toEqual([kept.id]);
      expect((await officer.get(`/api/v1/follow-ups/${followUp.id}`)).body.contact.id).toBe(kept.id);
    });
  });
});
