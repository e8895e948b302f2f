import { addDays, dayIn } from '../common/town-time';
import { Partner } from '../partners/partner.model';
import { makePartner, signedIn } from '../testing/test-app';

describe('the officer’s home page', () => {
  it('shows my open follow-ups, my recent interactions, quiet partners by kind and key dates', async () => {
    const officer = await signedIn('officer');
    const today = dayIn('Europe/Paris');
    const stamp = Date.now();
    const quietTwin = await makePartner({ name: `Jumelle silencieuse ${stamp}`, kind: 'twin_town', country: 'DE' });
    const recentTwin = await makePartner({ name: `Jumelle active ${stamp}`, kind: 'twin_town', country: 'DE' });
    const network = await makePartner({ name: `Réseau ${stamp}`, kind: 'network', country: 'FR' });
    const sevenMonthsAgo = new Date(Date.now() - 213 * 86_400_000).toISOString();
    const twoMonthsAgo = new Date(Date.now() - 61 * 86_400_000).toISOString();
    const log = (partnerId: number, occurredAt: string, extra: Record<string, unknown> = {}) =>
      officer.post('/api/v1/interactions').send({ type: 'call', subject: 'Appel', partnerIds: [partnerId], occurredAt, ...extra });
    expect((await log(quietTwin.id, sevenMonthsAgo)).status).toBe(201);
    expect((await log(recentTwin.id, twoMonthsAgo, { followUps: [{ title: 'Rappeler Brühl', dueOn: addDays(today, -1), assigneeUserId: officer.user.id }] })).status).toBe(201);
    // A network is quiet after 12 months: seven months is not enough.
    expect((await log(network.id, sevenMonthsAgo)).status).toBe(201);
    const anniversary = `${Number(today.slice(0, 4)) - 20}${addDays(today, 10).slice(4)}`;
    await Partner.update({ charterSignedOn: anniversary }, { where: { id: recentTwin.id } });
    await Partner.update({ labelRenewalDueOn: addDays(today, 30) }, { where: { id: network.id } });

    const home = await officer.get('/api/v1/home?quietMonths=');
    expect(home.status).toBe(400);
    const response = await officer.get('/api/v1/home');
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.today).toBe(today);
    expect(body.followUps.map((followUp: { title: string }) => followUp.title)).toEqual(['Rappeler Brühl']);
    expect(body.followUps[0].overdue).toBeTrue();
    expect(body.followUpCount).toBe(1);
    expect(body.recentInteractions.length).toBe(3);

    const quietIds = (await officer.get('/api/v1/home?keyDateDays=30')).body;
    expect(quietIds.quietPartnerCount).toBeGreaterThan(0);
    const all = await officer.get('/api/v1/home').then((answer) => answer.body.quietPartners.map((entry: { partner: { id: number } }) => entry.partner.id));
    // The list shows the 20 most silent (never contacted first); ask for these partners through a short threshold too.
    const strict = (await officer.get('/api/v1/home?quietMonths=1')).body;
    expect(strict.quietPartners.every((entry: { months: number }) => entry.months === 1)).toBeTrue();
    expect(all).not.toContain(recentTwin.id);
    expect(all).not.toContain(network.id);
    // The town itself is never "gone quiet".
    const town = await Partner.findOne({ where: { seedKey: 'ville-de-sceaux' } });
    expect(strict.quietPartners.map((entry: { partner: { id: number } }) => entry.partner.id)).not.toContain(town!.id);

    const dates = body.keyDates.filter((date: { partner: { id: number } }) => [recentTwin.id, network.id].includes(date.partner.id));
    expect(dates).toEqual([
      { kind: 'twinning_anniversary', date: addDays(today, 10), partner: { id: recentTwin.id, name: recentTwin.name, kind: 'twin_town' }, years: 20, overdue: false },
      { kind: 'label_renewal', date: addDays(today, 30), partner: { id: network.id, name: network.name, kind: 'network' }, years: null, overdue: false },
    ]);
  });

  it('lets an administrator change the months per kind, with a version', async () => {
    const admin = await signedIn('admin');
    const officer = await signedIn('officer');
    const current = (await admin.get('/api/v1/settings/quiet-partners')).body;
    expect(current.months.twin_town).toBe(6);
    expect((await officer.put('/api/v1/settings/quiet-partners').send({ months: { twin_town: 3 }, version: current.version })).status).toBe(403);
    const changed = await admin.put('/api/v1/settings/quiet-partners').send({ months: { twin_town: 4 }, version: current.version });
    expect(changed.status).toBe(200);
    expect(changed.body.months.twin_town).toBe(4);
    expect(changed.body.months.network).toBe(current.months.network);
    expect((await admin.put('/api/v1/settings/quiet-partners').send({ months: { twin_town: 5 }, version: current.version })).status).toBe(409);
    expect((await admin.put('/api/v1/settings/quiet-partners').send({ months: { twin_town: 0 }, version: changed.body.version })).status).toBe(400);
    await admin.put('/api/v1/settings/quiet-partners').send({ months: { twin_town: 6 }, version: changed.body.version });
  });
});
