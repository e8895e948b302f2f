import request from 'supertest';
import { signedIn, testContext } from '../testing/test-app';

describe('GET /api/v1/objectives', () => {
  it('returns the seeded action plan in order, with the French titles as written', async () => {
    const officer = await signedIn('officer');
    const response = await officer.get('/api/v1/objectives');
    expect(response.status).toBe(200);
    expect(response.body.items.map((objective: { code: string }) => objective.code)).toEqual(['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'II.1', 'II.2']);
    expect(response.body.items[2]).toEqual(
      jasmine.objectContaining({
        axis: 'I',
        axisTitle: "Favoriser les coopérations et l'implication des citoyens en lien avec l'Europe",
        title: "Contribuer à conforter l'amitié franco-allemande",
      }),
    );
    expect(response.body.items[6].title).toBe("S'engager ensemble pour les Ukrainiens");
    expect(response.body.items[6].axisTitle).toBe('Rassembler autour de valeurs communes');
    expect(response.body.items[6].description).toContain('Zelenodolsk');
  });

  it('needs a signed-in user', async () => {
    const response = await request(testContext().app).get('/api/v1/objectives');
    expect(response.status).toBe(401);
  });
});
