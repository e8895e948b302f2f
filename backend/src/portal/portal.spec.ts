import { access, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transaction } from 'sequelize';
import { AuditEvent } from '../audit/audit-event.model';
import { readOutbox } from '../mail/outbox';
import { Partner } from '../partners/partner.model';
import { client, makePartner, makeUser, signedIn, testContext, type TestClient } from '../testing/test-app';
import { pngImage } from '../testing/images';
import type { User } from '../users/user.model';
import { Invitation, ProfileUpdate } from './portal.model';

const strongPassword = 'un mot de passe solide pour le portail';

async function invitationLink(email: string) {
  const messages = await readOutbox(testContext().config.mail.outboxDir);
  const message = messages.reverse().find((candidate) => candidate.to.includes(email));
  const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(message?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation for ${email}`);
  return { token, message: message! };
}

let counter = 0;
const uniqueEmail = () => `portail.${Date.now()}.${(counter += 1)}@asso.example`;

/** An association partner with a signed-in portal user. */
async function associationWithUser() {
  const partner = await makePartner({ kind: 'association' });
  const agent = await signedIn('association', { partnerId: partner.id });
  return { partner, agent };
}

describe('association portal', () => {
  let officer: TestClient & { user: User };

  beforeAll(async () => {
    officer = await signedIn('officer');
  });

  describe('invitations', () => {
    it('invites by e-mail with a single-use link valid 7 days that sets the password', async () => {
      const partner = await makePartner({ kind: 'association', name: `Solidarité Madagascar ${Date.now()}` });
      const email = uniqueEmail();
      const invited = await officer.post(`/api/v1/partners/${partner.id}/portal-accounts`).send({ email, displayName: 'Hanta Rakoto' });
      expect(invited.status).toBe(201);
      expect(invited.body.status).toBe('invited');
      const expiresIn = new Date(invited.body.invitationExpiresAt).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
      expect(expiresIn).toBeLessThanOrEqual(7 * 24 * 3600_000);

      const { token, message } = await invitationLink(email);
      expect(message.subject).toContain(partner.name);
      expect(message.text).toContain('http://passerelles.test/invitation/');
      const stored = await Invitation.findOne({ where: { userId: invited.body.id } });
      expect(stored!.tokenHash).not.toContain(token);
      expect(stored!.tokenHash).toMatch(/^[a-f0-9]{64}$/);

      const anonymous = await client();
      // Not signed in yet: no password.
      expect((await anonymous.post('/api/v1/auth/login').send({ email, password: strongPassword })).status).toBe(401);
      const info = await anonymous.get(`/api/v1/invitations/${token}`);
      expect(info.status).toBe(200);
      expect(info.body).toEqual(jasmine.objectContaining({ email, partnerName: partner.name }));
      const weak = await anonymous.post(`/api/v1/invitations/${token}/accept`).send({ password: 'court' });
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].path).toBe('password');
      expect((await anonymous.post(`/api/v1/invitations/${token}/accept`).send({ password: strongPassword })).status).toBe(200);
      expect((await anonymous.post(`/api/v1/invitations/${token}/accept`).send({ password: strongPassword })).status).toBe(404);
      expect((await anonymous.get(`/api/v1/invitations/${token}`)).status).toBe(404);

      const association = await client({ email, password: strongPassword });
      expect((await association.get('/api/v1/auth/me')).body).toEqual(jasmine.objectContaining({ role: 'association', partnerId: partner.id }));
      const accounts = await officer.get(`/api/v1/partners/${partner.id}/portal-accounts`);
      expect(accounts.body.items.map((account: { email: string; status: string }) => [account.email, account.status])).toEqual([[email, 'active']]);
    });

    it('refuses an expired link and lets the officer send a new one, which voids the old', async () => {
      const partner = await makePartner({ kind: 'association' });
      const email = uniqueEmail();
      const invited = await officer.post(`/api/v1/partners/${partner.id}/portal-accounts`).send({ email, displayName: 'Aram' });
      const first = (await invitationLink(email)).token;
      await Invitation.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { userId: invited.body.id } });
      const anonymous = await client();
      const expired = await anonymous.post(`/api/v1/invitations/${first}/accept`).send({ password: strongPassword });
      expect(expired.status).toBe(404);
      expect(expired.body.detail).toContain('expiré');
      expect((await officer.get(`/api/v1/partners/${partner.id}/portal-accounts`)).body.items[0].status).toBe('expired');

      expect((await officer.post(`/api/v1/partners/${partner.id}/portal-accounts`).send({ email, displayName: 'Aram' })).status).toBe(201);
      const second = (await invitationLink(email)).token;
      expect(second).not.toBe(first);
      expect((await anonymous.post(`/api/v1/invitations/${second}/accept`).send({ password: strongPassword })).status).toBe(200);
      // Once active, inviting again is refused.
      expect((await officer.post(`/api/v1/partners/${partner.id}/portal-accounts`).send({ email, displayName: 'Aram' })).status).toBe(409);
    });

    it('refuses invitations outside associations and e-mails of other accounts', async () => {
      const town = await makePartner({ kind: 'twin_town' });
      const refused = await officer.post(`/api/v1/partners/${town.id}/portal-accounts`).send({ email: uniqueEmail(), displayName: 'X' });
      expect(refused.status).toBe(400);
      const partner = await makePartner({ kind: 'association' });
      const taken = await officer.post(`/api/v1/partners/${partner.id}/portal-accounts`).send({ email: officer.user.email, displayName: 'X' });
      expect(taken.status).toBe(409);
      const invalid = await officer.post(`/api/v1/partners/${partner.id}/portal-accounts`).send({ email: 'pas une adresse', displayName: '' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['displayName', 'email']);
      expect((await officer.post('/api/v1/partners/99999999/portal-accounts').send({ email: uniqueEmail(), displayName: 'X' })).status).toBe(404);
    });

    it('revokes an access: the sessions end at once and the links stop working', async () => {
      const { partner, agent } = await associationWithUser();
      expect((await agent.get('/api/v1/portal/profile')).status).toBe(200);
      expect((await officer.post(`/api/v1/portal-accounts/${agent.user.id}/revoke`)).status).toBe(204);
      expect((await agent.get('/api/v1/portal/profile')).status).toBe(401);
      const accounts = await officer.get(`/api/v1/partners/${partner.id}/portal-accounts`);
      expect(accounts.body.items[0].status).toBe('revoked');
      const anonymous = await client();
      expect((await anonymous.post('/api/v1/auth/login').send({ email: agent.user.email, password: 'correct horse battery staple' })).status).toBe(401);
      expect((await officer.post(`/api/v1/portal-accounts/${officer.user.id}/revoke`)).status).toBe(404);
    });
  });

  describe('profile updates', () => {
    it('keeps the edits pending until an officer accepts part of them, with the audit event', async () => {
      const { partner, agent } = await associationWithUser();
      const home = await agent.get('/api/v1/portal/profile');
      expect(home.status).toBe(200);
      expect(home.body.profile).toEqual(jasmine.objectContaining({ id: partner.id, name: partner.name, publicActivities: null, version: 0 }));
      expect(Object.keys(home.body.profile)).not.toContain('description');

      const unchanged = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, publicActivities: null });
      expect(unchanged.status).toBe(400);
      const invalid = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, website: 'pas un site', publicEmail: 'x' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['publicEmail', 'website']);

      const proposed = await agent
        .post('/api/v1/portal/profile-updates')
        .send({ version: 0, publicActivities: 'Cours de malgache', publicNeeds: 'Des bénévoles', website: 'https://asso.example' });
      expect(proposed.status).toBe(201);
      expect(proposed.body.status).toBe('pending');
      expect(proposed.body.changes.map((change: { field: string }) => change.field)).toEqual(['website', 'publicActivities', 'publicNeeds']);
      // Nothing reached the record yet.
      expect((await Partner.findByPk(partner.id))!.publicActivities).toBeNull();

      const queue = await officer.get('/api/v1/profile-updates');
      const entry = queue.body.items.find((item: { id: number }) => item.id === proposed.body.id);
      expect(entry.changes[1]).toEqual({ field: 'publicActivities', before: null, proposed: 'Cours de malgache', current: null, conflict: false, accepted: null });

      const noMessage = await officer.post(`/api/v1/profile-updates/${entry.id}/review`).send({ version: entry.version, decision: 'reject' });
      expect(noMessage.status).toBe(400);
      const accepted = await officer
        .post(`/api/v1/profile-updates/${entry.id}/review`)
        .send({ version: entry.version, decision: 'accept', fields: ['publicActivities', 'website'], message: 'Merci ; les besoins seront repris plus tard.' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('partially_accepted');

      const record = (await officer.get(`/api/v1/partners/${partner.id}`)).body;
      expect(record.publicActivities).toBe('Cours de malgache');
      expect(record.website).toBe('https://asso.example');
      expect(record.publicNeeds).toBeNull();
      expect(record.version).toBe(1);
      const audit = await AuditEvent.findOne({ where: { entityType: 'partner', entityId: partner.id, action: 'update' } });
      expect(audit!.actorUserId).toBe(officer.user.id);
      expect(audit!.after).toEqual({ website: 'https://asso.example', publicActivities: 'Cours de malgache' });

      const after = (await agent.get('/api/v1/portal/profile')).body;
      expect(after.pending).toBeNull();
      expect(after.profile.publicActivities).toBe('Cours de malgache');
      expect(after.reviewed[0]).toEqual(jasmine.objectContaining({ status: 'partially_accepted', reviewMessage: 'Merci ; les besoins seront repris plus tard.' }));
      expect(after.reviewed[0].changes.map((change: { field: string; accepted: boolean }) => [change.field, change.accepted])).toEqual([
        ['website', true],
        ['publicActivities', true],
        ['publicNeeds', false],
      ]);
      expect((await officer.post(`/api/v1/profile-updates/${entry.id}/review`).send({ version: accepted.body.version, decision: 'accept' })).status).toBe(409);
    });

    it('rejects with a message the association reads, and replaces a proposal still pending', async () => {
      const { agent } = await associationWithUser();
      const first = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, publicNeeds: 'Un local' });
      const second = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, publicNeeds: 'Un local et des chaises' });
      expect(second.body.id).toBe(first.body.id);
      expect(second.body.changes[0].proposed).toBe('Un local et des chaises');
      // The officer read the first one: the association changed it since.
      const stale = await officer.post(`/api/v1/profile-updates/${first.body.id}/review`).send({ version: first.body.version, decision: 'reject', message: 'Non' });
      expect(stale.status).toBe(409);
      const rejected = await officer
        .post(`/api/v1/profile-updates/${first.body.id}/review`)
        .send({ version: second.body.version, decision: 'reject', message: 'Ce besoin relève de la mairie.' });
      expect(rejected.status).toBe(200);
      const home = (await agent.get('/api/v1/portal/profile')).body;
      expect(home.reviewed[0]).toEqual(jasmine.objectContaining({ status: 'rejected', reviewMessage: 'Ce besoin relève de la mairie.' }));
      expect(home.profile.publicNeeds).toBeNull();
    });

    it('shows a stale update as a conflict and applies it only when asked', async () => {
      const { partner, agent } = await associationWithUser();
      const proposed = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, publicNeeds: 'Des livres', publicEvents: 'Fête en juin' });
      expect((await officer.patch(`/api/v1/partners/${partner.id}`).send({ version: 0, publicNeeds: 'Des ordinateurs' })).status).toBe(200);
      const view = (await officer.get(`/api/v1/profile-updates/${proposed.body.id}`)).body;
      expect(view.stale).toBeTrue();
      expect(view.changes).toEqual([
        { field: 'publicNeeds', before: null, proposed: 'Des livres', current: 'Des ordinateurs', conflict: true, accepted: null },
        { field: 'publicEvents', before: null, proposed: 'Fête en juin', current: null, conflict: false, accepted: null },
      ]);
      const blind = await officer.post(`/api/v1/profile-updates/${view.id}/review`).send({ version: view.version, decision: 'accept' });
      expect(blind.status).toBe(409);
      expect(blind.body.code).toBe('profile_update_conflict');
      expect(blind.body.fields).toEqual(['publicNeeds']);
      expect((await Partner.findByPk(partner.id))!.publicEvents).toBeNull();
      const onlyFree = await officer.post(`/api/v1/profile-updates/${view.id}/review`).send({ version: view.version, decision: 'accept', fields: ['publicEvents'] });
      expect(onlyFree.status).toBe(200);
      const record = (await Partner.findByPk(partner.id))!;
      expect([record.publicNeeds, record.publicEvents]).toEqual(['Des ordinateurs', 'Fête en juin']);

      const again = await agent.post('/api/v1/portal/profile-updates').send({ version: record.version, publicNeeds: 'Des livres' });
      await officer.patch(`/api/v1/partners/${partner.id}`).send({ version: record.version, publicNeeds: 'Des tables' });
      const forced = await officer.post(`/api/v1/profile-updates/${again.body.id}/review`).send({ version: again.body.version, decision: 'accept', applyDespiteConflict: true });
      expect(forced.status).toBe(200);
      expect((await Partner.findByPk(partner.id))!.publicNeeds).toBe('Des livres');
    });

    it('asks the association to reload when the record changed since it read it', async () => {
      const { partner, agent } = await associationWithUser();
      await officer.patch(`/api/v1/partners/${partner.id}`).send({ version: 0, city: 'Sceaux' });
      const stale = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, publicNeeds: 'Un local' });
      expect(stale.status).toBe(409);
      expect(stale.body.current.version).toBe(1);
    });

    it('answers 404 for another association\'s update', async () => {
      const mine = await associationWithUser();
      const theirs = await associationWithUser();
      const proposed = await theirs.agent.post('/api/v1/portal/profile-updates').send({ version: 0, publicNeeds: 'Secret' });
      expect((await theirs.agent.get(`/api/v1/profile-updates/${proposed.body.id}`)).status).toBe(200);
      expect((await mine.agent.get(`/api/v1/profile-updates/${proposed.body.id}`)).status).toBe(404);
      expect((await mine.agent.get(`/api/v1/partners/${theirs.partner.id}`)).status).toBe(404);
      expect((await mine.agent.get('/api/v1/profile-updates')).status).toBe(403);
    });
  });

  describe('logo', () => {
    const propose = (agent: TestClient, logo: string | Buffer) =>
      agent.post('/api/v1/portal/profile-updates').send({ version: 0, logo: typeof logo === 'string' ? logo : logo.toString('base64') });

    it('refuses what is not a PNG, JPEG or WebP image of a sensible size, with a clear message', async () => {
      const { agent } = await associationWithUser();
      const cases: [string | Buffer, RegExp][] = [
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /PNG, JPEG ou WebP/],
        [Buffer.from('%PDF-1.4 not an image'), /PNG, JPEG ou WebP/],
        [Buffer.concat([pngImage(64, 64).subarray(0, 20)]), /illisible/],
        [pngImage(8, 8), /32 pixels de côté au moins/],
        [pngImage(5000, 40), /4096 pixels de côté au plus/],
        [Buffer.concat([pngImage(64, 64), Buffer.alloc(600 * 1024)]), /Ko/],
        ['***', /illisible|PNG/],
      ];
      for (const [logo, message] of cases) {
        const response = await propose(agent, logo);
        expect(response.status).withContext(String(message)).toBe(400);
        expect(response.body.errors?.[0]?.path).withContext(String(message)).toBe('logo');
        expect(response.body.errors?.[0]?.message).withContext(String(message)).toMatch(message);
      }
    });

    it('keeps no file of a proposal that is refused', async () => {
      const { partner, agent } = await associationWithUser();
      await officer.patch(`/api/v1/partners/${partner.id}`).send({ version: 0, city: 'Sceaux' });
      const logos = path.join(testContext().config.dataDir, 'logos');
      const before = await readdir(logos).catch(() => [] as string[]);
      const stale = await propose(agent, pngImage(64, 64));
      expect(stale.status).toBe(409);
      expect(await readdir(logos).catch(() => [] as string[])).toEqual(before);
    });

    it('stores a checked logo under a random name and serves it as an image, to its association and the staff only', async () => {
      const { partner, agent } = await associationWithUser();
      const image = pngImage(64, 48);
      const proposed = await propose(agent, `data:image/png;base64,${image.toString('base64')}`);
      expect(proposed.status).toBe(201);
      const change = proposed.body.changes[0];
      expect(change).toEqual(jasmine.objectContaining({ field: 'logo', before: null, proposed: `/api/v1/profile-updates/${proposed.body.id}/logo` }));
      const preview = await officer.get(change.proposed);
      expect(preview.status).toBe(200);
      expect(preview.headers['content-type']).toBe('image/png');
      const other = await associationWithUser();
      expect((await other.agent.get(change.proposed)).status).toBe(404);

      expect((await officer.post(`/api/v1/profile-updates/${proposed.body.id}/review`).send({ version: proposed.body.version, decision: 'accept' })).status).toBe(200);
      const record = (await Partner.findByPk(partner.id))!;
      expect(record.logoFile).toMatch(/^[a-f0-9]{32}\.png$/);
      const audit = await AuditEvent.findOne({ where: { entityType: 'partner', entityId: partner.id, action: 'update' } });
      expect(audit!.after).toEqual({ logo: record.logoFile });
      const stored = await readFile(path.join(testContext().config.dataDir, 'logos', record.logoFile!));
      expect(stored.equals(image)).toBeTrue();
      for (const reader of [officer, agent]) {
        const logo = await reader.get(`/api/v1/partners/${partner.id}/logo`);
        expect(logo.status).toBe(200);
        expect(logo.headers['content-type']).toBe('image/png');
        expect(logo.headers['x-content-type-options']).toBe('nosniff');
        expect(Buffer.from(logo.body as Buffer).equals(image)).toBeTrue();
      }
      expect((await other.agent.get(`/api/v1/partners/${partner.id}/logo`)).status).toBe(404);
      expect((await officer.get(`/api/v1/partners/${partner.id}`)).body.hasLogo).toBeTrue();
      const home = (await agent.get('/api/v1/portal/profile')).body;
      expect(home.profile.logoUrl).toBe(`/api/v1/partners/${partner.id}/logo`);
    });
  });

  describe('logo files', () => {
    const logos = () => path.join(testContext().config.dataDir, 'logos');
    const onDisk = (name: string) => access(path.join(logos(), name)).then(() => true, () => false);
    const logo = () => pngImage(64, 64).toString('base64');
    const proposedLogo = async (id: number) => (await ProfileUpdate.findByPk(id))!.proposed.logo!;
    const review = async (update: { body: { id: number; version: number } }, decision: object) => {
      const reviewed = await officer.post(`/api/v1/profile-updates/${update.body.id}/review`).send({ version: update.body.version, ...decision });
      expect(reviewed.status).withContext(JSON.stringify(reviewed.body)).toBe(200);
      return reviewed;
    };
    /** An association whose partner already has an accepted logo (partner version 1). */
    async function withLogo() {
      const { partner, agent } = await associationWithUser();
      await review(await agent.post('/api/v1/portal/profile-updates').send({ version: 0, logo: logo() }), { decision: 'accept' });
      const current = (await Partner.findByPk(partner.id))!.logoFile!;
      expect(await onDisk(current)).toBeTrue();
      return { partner, agent, current };
    }

    it('removes the logo of a pending proposal that a newer one replaces, even when that one has none', async () => {
      const { agent } = await associationWithUser();
      const first = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, logo: logo() });
      const firstLogo = await proposedLogo(first.body.id);
      expect(await onDisk(firstLogo)).toBeTrue();
      const second = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, logo: logo() });
      expect(second.body.id).toBe(first.body.id);
      const secondLogo = await proposedLogo(second.body.id);
      expect(await onDisk(firstLogo)).toBeFalse();
      expect(await onDisk(secondLogo)).toBeTrue();
      const third = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, publicNeeds: 'Un local' });
      expect(third.status).toBe(201);
      expect(await onDisk(secondLogo)).toBeFalse();
    });

    it('removes a rejected proposal\'s logo and keeps the partner\'s own, even with a file already gone', async () => {
      const { partner, agent, current } = await withLogo();
      const proposed = await agent.post('/api/v1/portal/profile-updates').send({ version: 1, logo: logo() });
      const proposedName = await proposedLogo(proposed.body.id);
      await review(proposed, { decision: 'reject', message: 'Image floue.' });
      expect(await onDisk(proposedName)).toBeFalse();
      expect(await onDisk(current)).toBeTrue();
      expect((await officer.get(`/api/v1/partners/${partner.id}/logo`)).status).toBe(200);

      // A file that is already gone is only logged: the review still succeeds.
      const again = await agent.post('/api/v1/portal/profile-updates').send({ version: 1, logo: logo() });
      await rm(path.join(logos(), await proposedLogo(again.body.id)));
      await review(again, { decision: 'reject', message: 'Toujours floue.' });
      expect(await onDisk(current)).toBeTrue();
    });

    it('removes the logo an accepted one replaces or removes, and a proposed logo left out of an acceptance', async () => {
      const { partner, agent, current } = await withLogo();
      const leftOut = await agent.post('/api/v1/portal/profile-updates').send({ version: 1, logo: logo(), publicNeeds: 'Des chaises' });
      const leftOutName = await proposedLogo(leftOut.body.id);
      await review(leftOut, { decision: 'accept', fields: ['publicNeeds'] });
      expect(await onDisk(leftOutName)).toBeFalse();
      expect(await onDisk(current)).toBeTrue();

      const replacing = await agent.post('/api/v1/portal/profile-updates').send({ version: 2, logo: logo() });
      const replacingName = await proposedLogo(replacing.body.id);
      await review(replacing, { decision: 'accept' });
      expect((await Partner.findByPk(partner.id))!.logoFile).toBe(replacingName);
      expect(await onDisk(current)).toBeFalse();
      expect(await onDisk(replacingName)).toBeTrue();
      expect((await agent.get(`/api/v1/partners/${partner.id}/logo`)).status).toBe(200);

      await review(await agent.post('/api/v1/portal/profile-updates').send({ version: 3, logo: null }), { decision: 'accept' });
      expect((await Partner.findByPk(partner.id))!.logoFile).toBeNull();
      expect(await onDisk(replacingName)).toBeFalse();
    });

    it('keeps a file while a pending proposal still refers to it, and removes it with the last one', async () => {
      const { agent } = await associationWithUser();
      const proposed = await agent.post('/api/v1/portal/profile-updates').send({ version: 0, logo: logo() });
      const name = await proposedLogo(proposed.body.id);
      const other = await makePartner({ kind: 'association' });
      const sharing = await ProfileUpdate.create({ partnerId: other.id, submittedByUserId: null, proposed: { logo: name }, baseValues: { logo: null }, baseVersion: 0, reviewMessage: null, reviewedByUserId: null, reviewedAt: null });
      await review(proposed, { decision: 'reject', message: 'Non.' });
      expect(await onDisk(name)).toBeTrue();
      await review({ body: { id: sharing.id, version: sharing.version } }, { decision: 'reject', message: 'Non plus.' });
      expect(await onDisk(name)).toBeFalse();
    });

    it('removes nothing when the review does not commit', async () => {
      const { partner, agent, current } = await withLogo();
      const proposed = await agent.post('/api/v1/portal/profile-updates').send({ version: 1, logo: logo() });
      const name = await proposedLogo(proposed.body.id);
      const commit = spyOn(Transaction.prototype, 'commit').and.callFake(async function (this: Transaction) {
        commit.and.callThrough();
        await this.rollback();
        throw new Error('commit failed');
      });
      const failed = await officer.post(`/api/v1/profile-updates/${proposed.body.id}/review`).send({ version: proposed.body.version, decision: 'accept' });
      expect(failed.status).toBe(500);
      expect((await Partner.findByPk(partner.id))!.logoFile).toBe(current);
      expect(await onDisk(current)).toBeTrue();
      expect(await onDisk(name)).toBeTrue();
      await review(proposed, { decision: 'accept' });
      expect(await onDisk(current)).toBeFalse();
      expect(await onDisk(name)).toBeTrue();
    });
  });

  it('keeps cabinet to reading the queue', async () => {
    const cabinet = await signedIn('cabinet');
    expect((await cabinet.get('/api/v1/profile-updates')).status).toBe(200);
    const partner = await makePartner({ kind: 'association' });
    expect((await cabinet.post(`/api/v1/partners/${partner.id}/portal-accounts`).send({ email: uniqueEmail(), displayName: 'X' })).status).toBe(403);
    const user = await makeUser('association', { partnerId: partner.id });
    expect((await cabinet.post(`/api/v1/portal-accounts/${user.id}/revoke`)).status).toBe(403);
  });
});
