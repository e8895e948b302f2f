import request from 'supertest';
import { Partner } from './partner.model';
import { User } from '../users/user.model';
import { Affiliation } from '../contacts/contact.model';
import { Relationship } from '../relationships/relationship.model';
import { makePartner, makeUser, signedIn, testContext, type TestClient } from '../testing/test-app';
import type { Role } from '../users/users.schema';

let sequence = 0;
/** A name no other spec uses, so that duplicates and text filters only see this spec's partners. */
function uniqueName(base: string) {
  sequence += 1;
  return `${base} ${sequence}${Math.random().toString(36).slice(2, 8)}`;
}

async function create(client: TestClient, body: Record<string, unknown>) {
  return client.post('/api/v1/partners').send({ kind: 'network', country: 'FR', ...body });
}

describe('partners API', () => {
  let officer: TestClient & { user: User };

  beforeAll(async () => {
    officer = await signedIn('officer');
  });

  describe('permissions', () => {
    // An association account gets 404 rather than 403 on a route that names a record by id.
    const cases: { role: Role; read: number; write: number; byId?: number }[] = [
      { role: 'admin', read: 200, write: 201 },
      { role: 'officer', read: 200, write: 201 },
      { role: 'cabinet', read: 200, write: 403 },
      { role: 'association', read: 403, write: 403, byId: 404 },
    ];
    for (const { role, read, write, byId } of cases) {
      it(`lets ${role} read (${read}) and write (${write}) as the role allows`, async () => {
        const client = await signedIn(role);
        const partner = await makePartner({ name: uniqueName('Droits') });
        expect((await client.get('/api/v1/partners')).status).toBe(read);
        expect((await client.get(`/api/v1/partners/${partner.id}`)).status).toBe(byId ?? read);
        expect((await client.get(`/api/v1/partners/${partner.id}/history`)).status).toBe(byId ?? read);
        expect((await client.get(`/api/v1/relationships?partner=${partner.id}`)).status).toBe(read);
        expect((await create(client, { name: uniqueName('Créé par') })).status).toBe(write);
        const writeStatus = write === 201 ? 200 : write;
        expect((await client.patch(`/api/v1/partners/${partner.id}`).send({ version: 0, city: 'Sceaux' })).status).toBe(byId ?? writeStatus);
        const other = await makePartner({ name: uniqueName('Autre') });
        const link = await client.post('/api/v1/relationships').send({ type: 'member_of', sourcePartnerId: partner.id, targetPartnerId: other.id });
        expect(link.status).toBe(write);
        const existing = await officer.post('/api/v1/relationships').send({ type: 'supports', sourcePartnerId: other.id, targetPartnerId: partner.id });
        expect((await client.delete(`/api/v1/relationships/${existing.body.id}`)).status).toBe(byId ?? (write === 201 ? 204 : write));
        expect((await client.get('/api/v1/users/owners')).status).toBe(read);
        expect((await client.get('/api/v1/countries')).status).toBe(200);
        const merged = await makePartner({ name: uniqueName('Fusionné') });
        const merge = await client.post(`/api/v1/partners/${partner.id}/merge`).send({ from: merged.id, version: write === 201 ? 1 : 0 });
        expect(merge.status).toBe(byId ?? writeStatus);
        expect((await client.delete(`/api/v1/partners/${partner.id}`)).status).toBe(byId ?? (write === 201 ? 204 : write));
        expect((await client.post(`/api/v1/partners/${partner.id}/restore`)).status).toBe(byId ?? writeStatus);
      });
    }

    it('needs a signed-in user', async () => {
      expect((await request(testContext().app).get('/api/v1/partners')).status).toBe(401);
    });
  });

  describe('create and read', () => {
    it('answers 201 with the record, its id and version, and reads it back', async () => {
      const owner = officer.user;
      // Names that no other spec searches for: the search index is shared by the whole run.
      const name = uniqueName('Partnerschaftsverein Königswinter');
      const response = await create(officer, {
        name,
        kind: 'association',
        country: 'de',
        city: 'Königswinter',
        localNames: { de: 'Partnerschaftsverein' },
        website: 'https://www.bruehl.de',
        status: 'prospect',
        tags: ['jumelage', 'Jumelage', 'jeunesse'],
        ownerUserId: owner.id,
        objectiveIds: [3],
        charterSignedOn: '1964-06-14',
        publicEmail: 'contact@verein.de',
        publicPhone: '+49 2232 79 0',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual(
        jasmine.objectContaining({ name, country: 'DE', kind: 'association', status: 'prospect', version: 0, charterSignedOn: '1964-06-14' }),
      );
      expect(response.body.id).toEqual(jasmine.any(Number));
      expect(response.body.tags).toEqual(['jeunesse', 'jumelage']);
      expect((await officer.get(`/api/v1/partners/${response.body.id}`)).body.tags).toEqual(['jeunesse', 'jumelage']);
      expect(response.body.owner).toEqual({ id: owner.id, displayName: owner.displayName });
      expect(response.body.objectives.map((objective: { code: string }) => objective.code)).toEqual(['I.3']);
      const read = await officer.get(`/api/v1/partners/${response.body.id}`);
      expect(read.body).toEqual(response.body);
    });

    it('refuses bad input with per-field errors in French', async () => {
      const response = await officer.post('/api/v1/partners').send({
        name: 'x'.repeat(10_000),
        kind: 'spaceship',
        country: 'FR',
        website: 'javascript:alert(1)',
        publicEmail: 'pas-une-adresse',
        tags: 'jumelage',
        status: 3,
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      const paths = response.body.errors.map((error: { path: string }) => error.path);
      expect(paths).toEqual(jasmine.arrayContaining(['name', 'kind', 'website', 'publicEmail', 'tags', 'status']));
      expect(response.body.errors.find((error: { path: string }) => error.path === 'name').message).toContain('200 caractères');
      expect(response.body.errors.find((error: { path: string }) => error.path === 'publicEmail').message).toContain('Adresse e-mail invalide');
    });

    it('refuses a country that is not ISO 3166-1', async () => {
      const response = await create(officer, { name: uniqueName('Pays'), country: 'XX' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([jasmine.objectContaining({ path: 'country' })]);
      expect((await create(officer, { name: uniqueName('Pays'), country: 'France' })).status).toBe(400);
    });

    it('refuses an owner who is not an officer, and an unknown objective', async () => {
      const cabinet = await makeUser('cabinet');
      const response = await create(officer, { name: uniqueName('Référent'), ownerUserId: cabinet.id, objectiveIds: [999] });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['objectiveIds', 'ownerUserId']);
    });

    it('answers 404 for a partner that does not exist', async () => {
      expect((await officer.get('/api/v1/partners/999999')).status).toBe(404);
      expect((await officer.get('/api/v1/partners/abc')).status).toBe(404);
    });
  });

  describe('probable duplicates', () => {
    it('warns about the same name in the same country, accents and case ignored, unless confirmed', async () => {
      const name = uniqueName('Académie de Gröningue');
      const first = await create(officer, { name, country: 'NL' });
      expect(first.status).toBe(201);
      const again = await create(officer, { name: name.toUpperCase().replace('É', 'E').replace('Ö', 'O'), country: 'NL' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('probable_duplicate');
      expect(again.body.candidates).toEqual([jasmine.objectContaining({ id: first.body.id, name })]);
      const confirmed = await create(officer, { name: name.toUpperCase(), country: 'NL', confirmDuplicate: true });
      expect(confirmed.status).toBe(201);
    });

    it('warns about a very similar name, or one inside the other, but not in another country', async () => {
      const name = uniqueName('Association Franco-Allemande');
      const first = await create(officer, { name, country: 'FR' });
      expect((await create(officer, { name: name.replace('Allemande', 'Alemande'), country: 'FR' })).body.code).toBe('probable_duplicate');
      expect((await create(officer, { name: `${name} de Sceaux`, country: 'FR' })).body.candidates[0].id).toBe(first.body.id);
      expect((await create(officer, { name, country: 'BE' })).status).toBe(201);
    });
  });

  describe('editing together', () => {
    it('saves a change with the version read, and refuses a stale version with the current record', async () => {
      const partner = (await create(officer, { name: uniqueName('Conflit'), status: 'active' })).body;
      const colleague = await signedIn('officer');
      const first = await colleague.patch(`/api/v1/partners/${partner.id}`).send({ version: partner.version, status: 'dormant', tags: ['Europe'] });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(partner.version + 1);

      const stale = await officer.patch(`/api/v1/partners/${partner.id}`).send({ version: partner.version, city: 'Sceaux' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');
      expect(stale.body.current).toEqual(jasmine.objectContaining({ id: partner.id, status: 'dormant', version: partner.version + 1, city: null }));
      expect(stale.body.lastChange.actor.displayName).toBe(colleague.user.displayName);
      expect(stale.body.lastChange.fields).toEqual(jasmine.arrayContaining(['status', 'tags']));
      const unchanged = await officer.get(`/api/v1/partners/${partner.id}`);
      expect(unchanged.body.city).toBeNull();

      const reapplied = await officer.patch(`/api/v1/partners/${partner.id}`).send({ version: stale.body.current.version, city: 'Sceaux' });
      expect(reapplied.status).toBe(200);
      expect(reapplied.body).toEqual(jasmine.objectContaining({ city: 'Sceaux', status: 'dormant', tags: ['Europe'] }));
    });

    it('needs the version it read', async () => {
      const partner = await makePartner({ name: uniqueName('Sans version') });
      const response = await officer.patch(`/api/v1/partners/${partner.id}`).send({ city: 'Sceaux' });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].path).toBe('version');
    });
  });

  describe('history', () => {
    it('tells who created and changed what, newest first, page by page', async () => {
      const partner = (await create(officer, { name: uniqueName('Historique'), status: 'active' })).body;
      let version = partner.version;
      for (const status of ['dormant', 'former', 'active']) {
        version = (await officer.patch(`/api/v1/partners/${partner.id}`).send({ version, status })).body.version;
      }
      const first = await officer.get(`/api/v1/partners/${partner.id}/history?limit=2`);
      expect(first.status).toBe(200);
      expect(first.body.items.map((event: { action: string }) => event.action)).toEqual(['update', 'update']);
      expect(first.body.items[0]).toEqual(
        jasmine.objectContaining({ before: { status: 'former' }, after: { status: 'active' }, actor: { id: officer.user.id, displayName: officer.user.displayName } }),
      );
      const second = await officer.get(`/api/v1/partners/${partner.id}/history?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((event: { action: string }) => event.action)).toEqual(['update', 'create']);
      expect(second.body.nextCursor).toBeNull();
      expect(second.body.items[1].after.name).toBe(partner.name);
    });
  });

  describe('delete and restore', () => {
    it('moves a partner to the trash, out of the list, and brings it back', async () => {
      const name = uniqueName('Corbeille');
      const partner = (await create(officer, { name })).body;
      expect((await officer.delete(`/api/v1/partners/${partner.id}`)).status).toBe(204);
      const list = await officer.get('/api/v1/partners').query({ q: name });
      expect(list.body.items).toEqual([]);
      const trash = await officer.get('/api/v1/partners').query({ q: name, deleted: 'true' });
      expect(trash.body.items.map((item: { id: number }) => item.id)).toEqual([partner.id]);
      expect((await officer.get(`/api/v1/partners/${partner.id}`)).body.deletedAt).not.toBeNull();
      expect((await officer.patch(`/api/v1/partners/${partner.id}`).send({ version: partner.version, city: 'x' })).status).toBe(404);

      const restored = await officer.post(`/api/v1/partners/${partner.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.body.deletedAt).toBeNull();
      expect((await officer.get('/api/v1/partners').query({ q: name })).body.items.length).toBe(1);
      const history = await officer.get(`/api/v1/partners/${partner.id}/history`);
      expect(history.body.items.map((event: { action: string }) => event.action)).toEqual(['restore', 'delete', 'create']);
    });
  });

  describe('list', () => {
    const marker = uniqueName('zq');
    let ids: Record<string, number>;

    beforeAll(async () => {
      const make = async (key: string, body: Record<string, unknown>) => [key, (await create(officer, { confirmDuplicate: true, ...body })).body.id] as const;
      // One after the other: ids grow in this order (eu < de < ua < fr).
      ids = Object.fromEntries([
        await make('eu', { name: `Éducation Europe ${marker}`, kind: 'network', country: 'BE', tags: ['Europe'], objectiveIds: [1], status: 'active' }),
        await make('de', { name: `Ämter Köln ${marker}`, kind: 'institution', country: 'DE', city: 'Köln', tags: ['Europe', 'jumelage'], status: 'dormant' }),
        await make('ua', { name: `Kyiv school ${marker}`, kind: 'school', country: 'UA', localNames: { uk: 'Київ' }, objectiveIds: [7], ownerUserId: officer.user.id }),
        await make('fr', { name: `Amicale ${marker}`, kind: 'association', country: 'FR', city: 'Sceaux', status: 'prospect' }),
      ]);
      await Partner.update({ lastInteractionAt: new Date('2026-10-01T10:00:00Z') }, { where: { id: ids['de']! } });
      await Partner.update({ lastInteractionAt: new Date('2026-11-01T10:00:00Z') }, { where: { id: ids['fr']! } });
    });

    async function names(query: Record<string, unknown>) {
      const response = await officer.get('/api/v1/partners').query({ q: marker, ...query });
      expect(response.status).toBe(200);
      return response.body.items.map((item: { id: number }) => Object.keys(ids).find((key) => ids[key] === item.id));
    }

    it('sorts by name, accents ignored, both ways', async () => {
      expect(await names({})).toEqual(['fr', 'de', 'eu', 'ua']);
      expect(await names({ sort: '-name' })).toEqual(['ua', 'eu', 'de', 'fr']);
    });

    it('sorts by last interaction, most recent first, never-contacted last', async () => {
      // Among equal keys (never contacted), the id breaks the tie in the same direction.
      expect(await names({ sort: '-lastInteraction' })).toEqual(['fr', 'de', 'ua', 'eu']);
      expect(await names({ sort: 'lastInteraction' })).toEqual(['de', 'fr', 'eu', 'ua']);
    });

    it('sorts by creation', async () => {
      const created = await names({ sort: 'created' });
      expect(created.length).toBe(4);
      expect(await names({ sort: '-created' })).toEqual([...created].reverse());
    });

    it('filters by text in the name, local names or city, accents and case ignored', async () => {
      expect(await names({ q: `EDUCATION ${marker}` })).toEqual(['eu']);
      expect(await names({ q: `koln ${marker}` })).toEqual(['de']);
      expect(await names({ q: `київ ${marker}` })).toEqual(['ua']);
    });

    it('filters by kind, country, status, tag, owner and objective, repeated values meaning "any of"', async () => {
      expect(await names({ kind: 'school' })).toEqual(['ua']);
      expect(await names({ kind: ['school', 'network'] })).toEqual(['eu', 'ua']);
      expect(await names({ country: 'de' })).toEqual(['de']);
      expect(await names({ status: 'prospect' })).toEqual(['fr']);
      expect(await names({ tag: 'Europe' })).toEqual(['de', 'eu']);
      expect(await names({ tag: 'Europe', status: 'dormant' })).toEqual(['de']);
      expect(await names({ owner: officer.user.id })).toEqual(['ua']);
      expect(await names({ objective: 7 })).toEqual(['ua']);
      expect(await names({ objective: [1, 7] })).toEqual(['eu', 'ua']);
    });

    it('pages with an opaque cursor, for every sort, without gaps or repeats', async () => {
      for (const sort of ['name', '-name', 'lastInteraction', '-lastInteraction', 'created', '-created']) {
        const all = await names({ sort });
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const response = await officer.get('/api/v1/partners').query({ q: marker, sort, limit: 1, ...(cursor ? { cursor } : {}) });
          expect(response.body.items.length).toBe(1);
          seen.push(Object.keys(ids).find((key) => ids[key] === response.body.items[0].id)!);
          cursor = response.body.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).withContext(sort).toEqual(all);
      }
    });

    it('refuses a bad limit, a cursor of another sort and a forged cursor', async () => {
      expect((await officer.get('/api/v1/partners?limit=0')).status).toBe(400);
      expect((await officer.get('/api/v1/partners?limit=101')).status).toBe(400);
      expect((await officer.get('/api/v1/partners?sort=kind')).status).toBe(400);
      const page = await officer.get('/api/v1/partners').query({ q: marker, limit: 1 });
      const other = await officer.get('/api/v1/partners').query({ q: marker, limit: 1, sort: 'created', cursor: page.body.nextCursor });
      expect(other.status).toBe(400);
      expect(other.body.errors[0].path).toBe('query.cursor');
      expect((await officer.get('/api/v1/partners?cursor=not-a-cursor')).status).toBe(400);
    });

    it('answers the same without a text filter, 25 rows by default', async () => {
      const response = await officer.get('/api/v1/partners');
      expect(response.body.items.length).toBe(25);
      expect(response.body.nextCursor).toEqual(jasmine.any(String));
    });
  });

  describe('merge', () => {
    it('moves every link to the partner kept, drops duplicates and self-links, and deletes the other', async () => {
      const kept = (await create(officer, { name: uniqueName('Gardé'), tags: ['Europe'], objectiveIds: [1] })).body;
      const merged = (await create(officer, { name: uniqueName('Doublon'), tags: ['europe', 'jeunesse'], objectiveIds: [1, 2] })).body;
      const network = await makePartner({ name: uniqueName('Réseau') });
      const other = await makePartner({ name: uniqueName('Tiers') });
      const link = (type: string, source: number, target: number) =>
        officer.post('/api/v1/relationships').send({ type, sourcePartnerId: source, targetPartnerId: target });
      await link('member_of', kept.id, network.id);
      await link('member_of', merged.id, network.id);
      await link('supports', other.id, merged.id);
      await link('partner_of', kept.id, merged.id);
      const contact = await officer.post('/api/v1/contacts').send({ lastName: uniqueName('Muller'), legalBasis: 'public_task', affiliations: [{ partnerId: merged.id, role: 'Présidente' }] });
      const account = await makeUser('association', { partnerId: merged.id });

      const response = await officer.post(`/api/v1/partners/${kept.id}/merge`).send({ from: merged.id, version: kept.version });
      expect(response.status).toBe(200);
      expect(response.body.tags).toEqual(['Europe', 'jeunesse']);
      expect(response.body.objectives.map((objective: { code: string }) => objective.code)).toEqual(['I.1', 'I.2']);
      expect(response.body.version).toBe(kept.version + 1);

      const links = (await officer.get(`/api/v1/relationships?partner=${kept.id}`)).body.items;
      expect(links.map((item: { type: string; source: { id: number }; target: { id: number } }) => [item.source.id, item.type, item.target.id]).sort()).toEqual(
        [
          [kept.id, 'member_of', network.id],
          [other.id, 'supports', kept.id],
        ].sort(),
      );
      expect(await Relationship.count({ where: { sourcePartnerId: merged.id } })).toBe(0);
      expect(await Relationship.count({ where: { targetPartnerId: merged.id } })).toBe(0);
      expect((await Affiliation.findOne({ where: { contactId: contact.body.id } }))!.partnerId).toBe(kept.id);
      expect((await User.findByPk(account.id))!.partnerId).toBe(kept.id);
      expect((await officer.get(`/api/v1/partners/${merged.id}`)).body.deletedAt).not.toBeNull();

      const keptHistory = (await officer.get(`/api/v1/partners/${kept.id}/history`)).body.items[0];
      expect(keptHistory.action).toBe('merge');
      expect(keptHistory.after.mergedFrom).toEqual({ id: merged.id, name: merged.name });
      const mergedHistory = (await officer.get(`/api/v1/partners/${merged.id}/history`)).body.items[0];
      expect(mergedHistory.after.mergedInto).toEqual({ id: kept.id, name: kept.name });
    });

    it('refuses a stale version, a merge with itself and an unknown partner, changing nothing', async () => {
      const kept = (await create(officer, { name: uniqueName('Gardé') })).body;
      const merged = await makePartner({ name: uniqueName('Doublon') });
      expect((await officer.post(`/api/v1/partners/${kept.id}/merge`).send({ from: merged.id, version: kept.version + 5 })).status).toBe(409);
      expect((await officer.post(`/api/v1/partners/${kept.id}/merge`).send({ from: kept.id, version: kept.version })).status).toBe(400);
      expect((await officer.post(`/api/v1/partners/${kept.id}/merge`).send({ from: 999999, version: kept.version })).status).toBe(400);
      expect((await Partner.findByPk(merged.id))!.deletedAt).toBeNull();
    });
  });

  it('keeps the search index in step: created, renamed, deleted, restored and merged partners', async () => {
    const stamp = `zz${Date.now().toString(36)}`;
    const titles = async (q: string) =>
      ((await officer.get('/api/v1/search').query({ q, kinds: 'partner' })).body.groups[0].items as { title: string }[]).map((item) => item.title);
    const partner = (await create(officer, { name: `Amicale ${stamp}` })).body;
    expect(await titles(stamp)).toEqual([`Amicale ${stamp}`]);
    await officer.patch(`/api/v1/partners/${partner.id}`).send({ version: partner.version, name: `Cercle ${stamp}` });
    expect(await titles(stamp)).toEqual([`Cercle ${stamp}`]);
    await officer.delete(`/api/v1/partners/${partner.id}`);
    expect(await titles(stamp)).toEqual([]);
    await officer.post(`/api/v1/partners/${partner.id}/restore`);
    expect(await titles(stamp)).toEqual([`Cercle ${stamp}`]);
    const duplicate = (await create(officer, { name: `Doublon ${stamp}`, country: 'BE' })).body;
    const kept = (await officer.get(`/api/v1/partners/${partner.id}`)).body;
    await officer.post(`/api/v1/partners/${partner.id}/merge`).send({ from: duplicate.id, version: kept.version });
    expect(await titles(stamp)).toEqual([`Cercle ${stamp}`]);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const paths = (await request(testContext().app).get('/api/v1/openapi.json')).body.paths;
    for (const path of ['/api/v1/partners', '/api/v1/partners/{id}', '/api/v1/partners/{id}/restore', '/api/v1/partners/{id}/history', '/api/v1/partners/{id}/merge', '/api/v1/contacts', '/api/v1/contacts/{id}/merge', '/api/v1/relationships', '/api/v1/relationships/{id}']) {
      expect(paths[path]).withContext(path).toBeDefined();
    }
    expect(paths['/api/v1/partners'].post.responses['409']).toBeDefined();
  });

  it('lists the countries with their French names', async () => {
    const response = await officer.get('/api/v1/countries');
    expect(response.body.items).toContain({ code: 'DE', name: 'Allemagne' });
    expect(response.body.items.length).toBeGreaterThan(240);
  });

  it('lists the officers and administrators who can own a partner', async () => {
    const cabinet = await makeUser('cabinet');
    const response = await officer.get('/api/v1/users/owners');
    const ids = response.body.items.map((owner: { id: number }) => owner.id);
    expect(ids).toContain(officer.user.id);
    expect(ids).not.toContain(cabinet.id);
  });
});

