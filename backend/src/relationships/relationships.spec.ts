import { Partner } from '../partners/partner.model';
import { makePartner, signedIn, type TestClient } from '../testing/test-app';

describe('relationships API', () => {
  let officer: TestClient;

  beforeAll(async () => {
    officer = await signedIn('officer');
  });

  it('lists a partner’s links both ways, as seeded (Brühl twinned_with Ville de Sceaux)', async () => {
    const sceaux = (await Partner.findOne({ where: { seedKey: 'ville-de-sceaux' } }))!;
    const bruhl = (await Partner.findOne({ where: { seedKey: 'bruhl' } }))!;
    const response = await officer.get(`/api/v1/relationships?partner=${bruhl.id}`);
    expect(response.status).toBe(200);
    expect(response.body.items).toContain(
      jasmine.objectContaining({ type: 'twinned_with', source: jasmine.objectContaining({ id: bruhl.id }), target: jasmine.objectContaining({ id: sceaux.id, name: 'Ville de Sceaux' }) }),
    );
    const fromSceaux = await officer.get(`/api/v1/relationships?partner=${sceaux.id}`);
    expect(fromSceaux.body.items.some((item: { source: { id: number } }) => item.source.id === bruhl.id)).toBeTrue();
  });

  it('creates a dated link, refuses the same one twice (either way when symmetric) and a self-link, and removes it', async () => {
    const a = await makePartner({ name: `Lien A ${Date.now()}` });
    const b = await makePartner({ name: `Lien B ${Date.now()}` });
    const created = await officer.post('/api/v1/relationships').send({ type: 'twinned_with', sourcePartnerId: a.id, targetPartnerId: b.id, startedOn: '1964-06-14' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(jasmine.objectContaining({ type: 'twinned_with', startedOn: '1964-06-14', source: jasmine.objectContaining({ id: a.id }) }));
    const reverse = await officer.post('/api/v1/relationships').send({ type: 'twinned_with', sourcePartnerId: b.id, targetPartnerId: a.id });
    expect(reverse.status).toBe(409);
    expect(reverse.body.code).toBe('relationship_exists');
    expect((await officer.post('/api/v1/relationships').send({ type: 'member_of', sourcePartnerId: b.id, targetPartnerId: a.id })).status).toBe(201);
    const self = await officer.post('/api/v1/relationships').send({ type: 'member_of', sourcePartnerId: a.id, targetPartnerId: a.id });
    expect(self.status).toBe(400);
    const unknownType = await officer.post('/api/v1/relationships').send({ type: 'friend_of', sourcePartnerId: a.id, targetPartnerId: b.id });
    expect(unknownType.body.errors[0].path).toBe('type');

    expect((await officer.delete(`/api/v1/relationships/${created.body.id}`)).status).toBe(204);
    expect((await officer.get(`/api/v1/relationships?partner=${a.id}`)).body.items.length).toBe(1);
    expect((await officer.delete(`/api/v1/relationships/${created.body.id}`)).status).toBe(404);
    const history = await officer.get(`/api/v1/partners/${a.id}/history`);
    expect(history.body.items.map((event: { action: string }) => event.action)).toEqual(['unlink', 'link', 'link']);
    expect(history.body.items[0].before.relationship).toEqual(jasmine.objectContaining({ type: 'twinned_with', target: { id: b.id, name: b.name } }));
  });

  it('hides links to a deleted partner', async () => {
    const a = await makePartner({ name: `Caché A ${Date.now()}` });
    const b = await makePartner({ name: `Caché B ${Date.now()}` });
    await officer.post('/api/v1/relationships').send({ type: 'supports', sourcePartnerId: a.id, targetPartnerId: b.id });
    await officer.delete(`/api/v1/partners/${b.id}`);
    expect((await officer.get(`/api/v1/relationships?partner=${a.id}`)).body.items).toEqual([]);
  });
});
