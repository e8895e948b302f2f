import ical from 'node-ical';
import request from 'supertest';
import { dayIn, addDays } from '../common/town-time';
import { makePartner, signedIn, testContext } from '../testing/test-app';

describe('the private calendar feed', () => {
  it('gives a secret address whose iCalendar document parses in a standard parser, and stops working once revoked', async () => {
    const officer = await signedIn('officer');
    const partner = await makePartner({ name: `Royal Leamington Spa ${Date.now()}`, kind: 'twin_town', country: 'GB' });
    const today = dayIn('Europe/Paris');
    const due = addDays(today, 5);
    const created = await officer.post('/api/v1/follow-ups').send({ title: 'Confirmer la délégation', dueOn: due, assigneeUserId: officer.user.id, partnerId: partner.id });
    const late = await officer.post('/api/v1/follow-ups').send({ title: 'Remercier le maire', dueOn: addDays(today, -2), assigneeUserId: officer.user.id, partnerId: partner.id });
    const done = await officer.post('/api/v1/follow-ups').send({ title: 'Déjà fait', dueOn: due, assigneeUserId: officer.user.id, partnerId: partner.id });
    await officer.patch(`/api/v1/follow-ups/${done.body.id}`).send({ version: 0, status: 'done' });

    expect((await officer.get('/api/v1/account/calendar-feed')).body.active).toBeFalse();
    const feed = await officer.post('/api/v1/account/calendar-feed');
    expect(feed.status).toBe(201);
    expect(feed.body.url).toMatch(/^http:\/\/passerelles\.test\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await officer.get('/api/v1/account/calendar-feed')).body.active).toBeTrue();

    const path = new URL(feed.body.url).pathname;
    const response = await request(testContext().app).get(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const parsed = ical.sync.parseICS(response.text);
    const events = Object.values(parsed).filter((entry) => entry?.type === 'VEVENT') as ical.VEvent[];
    expect(events.map((event) => event.summary).sort()).toEqual(['Confirmer la délégation', '[En retard] Remercier le maire']);
    const event = events.find((candidate) => candidate.summary === 'Confirmer la délégation')!;
    expect(event.uid).toBe(`follow-up-${created.body.id}@passerelles.test`);
    expect(event.datetype).toBe('date');
    const start = event.start as Date;
    expect(`${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`).toBe(due);
    expect(String(event.description)).toContain(partner.name);
    expect(late.status).toBe(201);

    // A new address replaces the old one.
    const renewed = await officer.post('/api/v1/account/calendar-feed');
    expect((await request(testContext().app).get(path)).status).toBe(404);
    const renewedPath = new URL(renewed.body.url).pathname;
    expect((await request(testContext().app).get(renewedPath)).status).toBe(200);

    expect((await officer.delete('/api/v1/account/calendar-feed')).status).toBe(204);
    expect((await request(testContext().app).get(renewedPath)).status).toBe(404);
    expect((await request(testContext().app).get('/api/v1/calendar/not-a-token.ics')).status).toBe(404);
  });

  it('is for the town’s staff only', async () => {
    const association = await signedIn('association');
    expect((await association.post('/api/v1/account/calendar-feed')).status).toBe(403);
  });
});
