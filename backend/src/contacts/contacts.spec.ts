import { makePartner, signedIn, type TestClient } from '../testing/test-app';
import type { Role } from '../users/users.schema';
import { Affiliation } from './contact.model';

let sequence = 0;
function unique(base: string) {
  sequence += 1;
  return `${base}${sequence}${Math.random().toString(36).slice(2, 7)}`;
}

describe('contacts API', () => {
  let officer: TestClient;

  beforeAll(async () => {
    officer = await signedIn('officer');
  });

  const create = (client: TestClient, body: Record<string, unknown>) =>
    client.post('/api/v1/contacts').send({ legalBasis: 'public_task', ...body });

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
        const contact = (await create(officer, { lastName: unique('Droits') })).body;
        const other = (await create(officer, { lastName: unique('Autre') })).body;
        const ok = write === 201;
        expect((await client.get('/api/v1/contacts')).status).toBe(read);
        expect((await client.get(`/api/v1/contacts/${contact.id}`)).status).toBe(byId ?? read);
        expect((await client.get(`/api/v1/contacts/${contact.id}/history`)).status).toBe(byId ?? read);
        expect((await create(client, { lastName: unique('Créé') })).status).toBe(write);
        expect((await client.patch(`/api/v1/contacts/${contact.id}`).send({ version: 0, jobTitle: 'Maire' })).status).toBe(byId ?? (ok ? 200 : write));
        expect((await client.post(`/api/v1/contacts/${contact.id}/merge`).send({ from: other.id, version: ok ? 1 : 0 })).status).toBe(byId ?? (ok ? 200 : write));
        expect((await client.delete(`/api/v1/contacts/${contact.id}`)).status).toBe(byId ?? (ok ? 204 : write));
        expect((await client.post(`/api/v1/contacts/${contact.id}/restore`)).status).toBe(byId ?? (ok ? 200 : write));
      });
    }
  });

  it('creates a contact with affiliations and reads it back (201, id, version)', async () => {
    const town = await makePartner({ name: unique('Ville jumelle de test'), kind: 'twin_town', country: 'DE' });
    const response = await create(officer, {
      firstName: 'Anna',
      lastName: unique('Schmidt'),
      jobTitle: 'Beigeordnete',
      country: 'de',
      emails: ['Anna.Schmidt@bruehl.de'],
      phones: ['+49 2232 79 0'],
      languages: ['de', 'FR'],
      legalBasis: 'consent',
      consentOn: '2026-11-02',
      consentSource: 'Formulaire signé lors de la visite',
      affiliations: [{ partnerId: town.id, role: 'Adjointe aux jumelages', startedOn: '2020-01-01' }],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual(jasmine.objectContaining({ version: 0, country: 'DE', languages: ['de', 'fr'], legalBasis: 'consent', consentOn: '2026-11-02' }));
    expect(response.body.affiliations).toEqual([
      jasmine.objectContaining({ role: 'Adjointe aux jumelages', startedOn: '2020-01-01', endedOn: null, partner: jasmine.objectContaining({ id: town.id }) }),
    ]);
    expect((await officer.get(`/api/v1/contacts/${response.body.id}`)).body).toEqual(response.body);
  });

  it('refuses bad input with per-field errors, and consent without its date and source', async () => {
    const bad = await create(officer, { lastName: 'x'.repeat(10_000), emails: ['pas-une-adresse'], legalBasis: 'because', languages: ['français'], country: 'ZZ' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(jasmine.arrayContaining(['lastName', 'emails.0', 'legalBasis', 'languages.0']));
    const consent = await create(officer, { lastName: unique('Consent'), legalBasis: 'consent', country: 'ZZ' });
    expect(consent.status).toBe(400);
    expect(consent.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['consentOn', 'consentSource', 'country']);
    const affiliation = await create(officer, { lastName: unique('Aff'), affiliations: [{ partnerId: 999999 }] });
    expect(affiliation.body.errors).toEqual([jasmine.objectContaining({ path: 'affiliations.0.partnerId' })]);
  });

  it('warns about a contact with the same e-mail, or the same name at the same partner', async () => {
    const partner = await makePartner({ name: unique('Partenaire') });
    const email = `${unique('marie')}@exemple.fr`;
    const lastName = unique('Dupont');
    const first = (await create(officer, { firstName: 'Marie', lastName, emails: [email], affiliations: [{ partnerId: partner.id }] })).body;
    const sameEmail = await create(officer, { lastName: unique('Autre'), emails: [email.toUpperCase()] });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.code).toBe('probable_duplicate');
    expect(sameEmail.body.candidates).toEqual([jasmine.objectContaining({ id: first.id, reason: 'email' })]);
    const sameName = await create(officer, { firstName: 'MARIE', lastName: lastName.toUpperCase(), affiliations: [{ partnerId: partner.id }] });
    expect(sameName.body.candidates).toEqual([jasmine.objectContaining({ id: first.id, reason: 'name_and_partner' })]);
    expect((await create(officer, { firstName: 'Marie', lastName })).status).toBe(201);
    expect((await create(officer, { lastName: unique('Autre'), emails: [email], confirmDuplicate: true })).status).toBe(201);
  });

  it('refuses a stale version with the current record, and keeps the change made first', async () => {
    const contact = (await create(officer, { lastName: unique('Conflit') })).body;
    expect((await officer.patch(`/api/v1/contacts/${contact.id}`).send({ version: 0, jobTitle: 'Maire' })).status).toBe(200);
    const stale = await officer.patch(`/api/v1/contacts/${contact.id}`).send({ version: 0, jobTitle: 'Adjoint' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toEqual(jasmine.objectContaining({ jobTitle: 'Maire', version: 1 }));
  });

  it('keeps an affiliation to a partner in the trash, but refuses a new one', async () => {
    const partner = await makePartner({ name: unique('Corbeille') });
    const contact = (await create(officer, { lastName: unique('Fidèle'), affiliations: [{ partnerId: partner.id, role: 'Membre' }] })).body;
    expect((await officer.delete(`/api/v1/partners/${partner.id}`)).status).toBe(204);
    const read = await officer.get(`/api/v1/contacts/${contact.id}`);
    expect(read.body.affiliations.map((affiliation: { partner: { id: number } }) => affiliation.partner.id)).toEqual([partner.id]);
    const kept = await officer.patch(`/api/v1/contacts/${contact.id}`).send({ version: 0, jobTitle: 'Bénévole', affiliations: [{ partnerId: partner.id, role: 'Membre' }] });
    expect(kept.status).toBe(200);
    const refused = await create(officer, { lastName: unique('Nouveau'), affiliations: [{ partnerId: partner.id }] });
    expect(refused.status).toBe(400);
  });

  it('filters by partner, role, language and country, and pages', async () => {
    const partner = await makePartner({ name: unique('Filtre') });
    const marker = unique('Filtrage');
    const ids: number[] = [];
    for (const [first, role, language, country] of [
      ['Ada', 'Présidente', 'de', 'DE'],
      ['Béa', 'Trésorier', 'en', 'GB'],
      ['Cléo', 'Vice-présidente', 'de', 'FR'],
    ] as const) {
      ids.push((await create(officer, { firstName: first, lastName: marker, languages: [language], country, affiliations: [{ partnerId: partner.id, role }] })).body.id);
    }
    const names = async (query: Record<string, unknown>) =>
      (await officer.get('/api/v1/contacts').query({ q: marker, ...query })).body.items.map((item: { firstName: string }) => item.firstName);
    expect(await names({ partner: partner.id })).toEqual(['Ada', 'Béa', 'Cléo']);
    expect(await names({ role: 'presidente' })).toEqual(['Ada', 'Cléo']);
    expect(await names({ language: 'de' })).toEqual(['Ada', 'Cléo']);
    expect(await names({ country: 'GB' })).toEqual(['Béa']);
    expect(await names({ sort: '-name' })).toEqual(['Cléo', 'Béa', 'Ada']);
    const page = await officer.get('/api/v1/contacts').query({ q: marker, limit: 2 });
    expect(page.body.items.length).toBe(2);
    const next = await officer.get('/api/v1/contacts').query({ q: marker, limit: 2, cursor: page.body.nextCursor });
    expect(next.body.items.map((item: { firstName: string }) => item.firstName)).toEqual(['Cléo']);
    expect(next.body.nextCursor).toBeNull();
  });

  it('deletes, lists in the trash, restores, and tells it all in the history', async () => {
    const contact = (await create(officer, { lastName: unique('Corbeille') })).body;
    expect((await officer.delete(`/api/v1/contacts/${contact.id}`)).status).toBe(204);
    expect((await officer.get('/api/v1/contacts').query({ q: contact.lastName })).body.items).toEqual([]);
    expect((await officer.get('/api/v1/contacts').query({ q: contact.lastName, deleted: 'true' })).body.items.length).toBe(1);
    expect((await officer.post(`/api/v1/contacts/${contact.id}/restore`)).body.deletedAt).toBeNull();
    const history = await officer.get(`/api/v1/contacts/${contact.id}/history`);
    expect(history.body.items.map((event: { action: string }) => event.action)).toEqual(['restore', 'delete', 'create']);
  });

  it('merges two contacts: affiliations, addresses and languages move to the one kept', async () => {
    const a = await makePartner({ name: unique('A') });
    const b = await makePartner({ name: unique('B') });
    const kept = (await create(officer, { lastName: unique('Gardé'), emails: ['k@exemple.fr'], languages: ['fr'], affiliations: [{ partnerId: a.id, role: 'Maire' }] })).body;
    const merged = (
      await create(officer, {
        lastName: unique('Doublon'),
        emails: ['m@exemple.fr', 'K@exemple.fr'],
        languages: ['de'],
        affiliations: [
          { partnerId: a.id, role: 'maire' },
          { partnerId: b.id, role: 'Présidente' },
        ],
        confirmDuplicate: true,
      })
    ).body;
    const response = await officer.post(`/api/v1/contacts/${kept.id}/merge`).send({ from: merged.id, version: kept.version });
    expect(response.status).toBe(200);
    expect(response.body.emails).toEqual(['k@exemple.fr', 'm@exemple.fr']);
    expect(response.body.languages).toEqual(['fr', 'de']);
    expect(response.body.affiliations.map((affiliation: { partner: { id: number } }) => affiliation.partner.id).sort()).toEqual([a.id, b.id].sort());
    expect(await Affiliation.count({ where: { contactId: merged.id } })).toBe(0);
    expect((await officer.get(`/api/v1/contacts/${merged.id}`)).body.deletedAt).not.toBeNull();
    const duplicate = await create(officer, { lastName: unique('Nouveau'), emails: ['m@exemple.fr'] });
    expect(duplicate.body.candidates).toEqual([jasmine.objectContaining({ id: kept.id })]);
  });
});
