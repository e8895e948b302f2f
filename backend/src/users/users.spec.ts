import { AuditEvent } from '../audit/audit-event.model';
import { agentFor, passwordStep } from '../testing/security-helpers';
import { client, makePartner, makeUser, signedIn, testContext } from '../testing/test-app';

describe('account administration (Comptes)', () => {
  it('lists accounts for administrators only, without secrets', async () => {
    const admin = await signedIn('admin');
    const list = await admin.get('/api/v1/users');
    expect(list.status).toBe(200);
    const me = list.body.items.find((item: { id: number }) => item.id === admin.user.id);
    expect(me).toEqual(jasmine.objectContaining({ email: admin.user.email, role: 'admin', active: true, twoFactorEnabled: false }));
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|totpSecret|argon2/);
    for (const role of ['officer', 'cabinet', 'association'] as const) {
      expect((await (await signedIn(role)).get('/api/v1/users')).status).toBe(403);
    }
  });

  it('creates an account with a generated password shown once, that signs in', async () => {
    const admin = await signedIn('admin');
    const email = `claire.martin.${Date.now()}@sceaux.fr`;
    const created = await admin.post('/api/v1/users').send({ email, displayName: 'Claire Martin', role: 'officer' });
    expect(created.status).toBe(201);
    expect(created.body.user).toEqual(jasmine.objectContaining({ email, displayName: 'Claire Martin', role: 'officer', active: true }));
    expect(created.body.password.length).toBeGreaterThanOrEqual(16);
    const agent = await agentFor(testContext().app);
    expect((await passwordStep(agent, email, created.body.password)).status).toBe(200);
    expect(await AuditEvent.count({ where: { action: 'create', entityType: 'user', entityId: created.body.user.id, actorUserId: admin.user.id } })).toBe(1);

    const again = await admin.post('/api/v1/users').send({ email, displayName: 'Claire Martin', role: 'officer' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email_taken');
  });

  it('asks for the association of an association account', async () => {
    const admin = await signedIn('admin');
    const missing = await admin.post('/api/v1/users').send({ email: `asso.${Date.now()}@exemple.fr`, displayName: 'Asso', role: 'association' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('partnerId');
    const unknown = await admin.post('/api/v1/users').send({ email: `asso2.${Date.now()}@exemple.fr`, displayName: 'Asso', role: 'association', partnerId: 99_999_999 });
    expect(unknown.status).toBe(400);
    const partner = await makePartner({ kind: 'association' });
    const created = await admin.post('/api/v1/users').send({ email: `asso3.${Date.now()}@exemple.fr`, displayName: 'Asso', role: 'association', partnerId: partner.id });
    expect(created.status).toBe(201);
    expect(created.body.user.partnerId).toBe(partner.id);
  });

  it('deactivating an account ends every session of it at once, and it cannot sign in again until reactivated', async () => {
    const admin = await signedIn('admin');
    const user = await makeUser('officer');
    const laptop = await client({ email: user.email });
    const phone = await client({ email: user.email });
    const list = await admin.get('/api/v1/users');
    const version = list.body.items.find((item: { id: number }) => item.id === user.id).version;

    const off = await admin.patch(`/api/v1/users/${user.id}`).send({ version, active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBeFalse();
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);
    expect((await phone.get('/api/v1/objectives')).status).toBe(401);
    expect((await passwordStep(await agentFor(testContext().app), user.email)).status).toBe(401);

    const on = await admin.patch(`/api/v1/users/${user.id}`).send({ version: off.body.version, active: true });
    expect(on.status).toBe(200);
    expect((await passwordStep(await agentFor(testContext().app), user.email)).status).toBe(200);
  });

  it('changing the role ends the account’s sessions, so the new rules apply at the next sign-in', async () => {
    const admin = await signedIn('admin');
    const user = await makeUser('officer');
    const session = await client({ email: user.email });
    const patched = await admin.patch(`/api/v1/users/${user.id}`).send({ version: user.version, role: 'cabinet' });
    expect(patched.status).toBe(200);
    expect(patched.body.role).toBe('cabinet');
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    const audit = await AuditEvent.findOne({ where: { action: 'update', entityType: 'user', entityId: user.id } });
    expect(audit?.before).toEqual({ role: 'officer' });
    expect(audit?.after).toEqual({ role: 'cabinet' });
  });

  it('refuses a stale version with 409 and the current record', async () => {
    const admin = await signedIn('admin');
    const user = await makeUser('officer');
    await admin.patch(`/api/v1/users/${user.id}`).send({ version: user.version, displayName: 'Nouveau nom' });
    const stale = await admin.patch(`/api/v1/users/${user.id}`).send({ version: user.version, displayName: 'Autre nom' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current.displayName).toBe('Nouveau nom');
  });

  it('does not let administrators demote or deactivate themselves', async () => {
    const admin = await signedIn('admin');
    const list = await admin.get('/api/v1/users');
    const version = list.body.items.find((item: { id: number }) => item.id === admin.user.id).version;
    const demote = await admin.patch(`/api/v1/users/${admin.user.id}`).send({ version, role: 'officer' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('own_account');
    const off = await admin.patch(`/api/v1/users/${admin.user.id}`).send({ version, active: false });
    expect(off.status).toBe(409);
  });

  it('answers 404 for an unknown account', async () => {
    const admin = await signedIn('admin');
    expect((await admin.patch('/api/v1/users/99999999').send({ version: 0, active: false })).status).toBe(404);
    expect((await admin.patch('/api/v1/users/abc').send({ version: 0, active: false })).status).toBe(404);
  });

  it('resets a forgotten password: a new one shown once, the old one and the sessions gone', async () => {
    const admin = await signedIn('admin');
    const user = await makeUser('cabinet');
    const session = await client({ email: user.email });
    const reset = await admin.post(`/api/v1/users/${user.id}/password-reset`);
    expect(reset.status).toBe(200);
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    expect((await passwordStep(await agentFor(testContext().app), user.email, reset.body.password)).status).toBe(200);
  });

  it('does not reset one’s own password or second factor without the current password', async () => {
    const admin = await signedIn('admin');
    expect((await admin.post(`/api/v1/users/${admin.user.id}/password-reset`)).status).toBe(409);
    expect((await admin.delete(`/api/v1/users/${admin.user.id}/two-factor`)).status).toBe(409);
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
  });
});
