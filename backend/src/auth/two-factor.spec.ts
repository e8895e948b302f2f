import { AuditEvent } from '../audit/audit-event.model';
import { Setting } from '../settings/setting.model';
import { User } from '../users/user.model';
import { agentFor, enrolDirectly, passwordStep, totpCode, useCsrf } from '../testing/security-helpers';
import { client, makeUser, signedIn, testContext, testPassword } from '../testing/test-app';
import { RecoveryCode } from './recovery-code.model';

describe('two-factor sign-in (TOTP)', () => {
  const app = () => testContext().app;

  it('asks for a code after the right password, and is not signed in until the code is right', async () => {
    const user = await makeUser('officer');
    const secret = await enrolDirectly(user);
    const agent = await agentFor(app());

    const login = await passwordStep(agent, user.email);
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ twoFactorRequired: true });
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
    expect((await agent.get('/api/v1/objectives')).status).toBe(401);

    const wrong = await agent.post('/api/v1/auth/totp').send({ code: '000000' === (await totpCode(secret)) ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_code');
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);

    const right = await agent.post('/api/v1/auth/totp').send({ code: await totpCode(secret) });
    expect(right.status).toBe(200);
    expect(right.body.email).toBe(user.email);
    useCsrf(agent, right.headers['set-cookie']);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('does not accept the same code twice, even on another sign-in', async () => {
    const user = await makeUser('officer');
    const secret = await enrolDirectly(user);
    const code = await totpCode(secret);

    const first = await agentFor(app());
    await passwordStep(first, user.email);
    expect((await first.post('/api/v1/auth/totp').send({ code })).status).toBe(200);

    const second = await agentFor(app());
    await passwordStep(second, user.email);
    expect((await second.post('/api/v1/auth/totp').send({ code })).status).toBe(401);
    expect((await second.post('/api/v1/auth/totp').send({ code: await totpCode(secret, 1) })).status).toBe(200);
  });

  it('refuses a code without the password step', async () => {
    const user = await makeUser('officer');
    const secret = await enrolDirectly(user);
    const agent = await agentFor(app());
    const response = await agent.post('/api/v1/auth/totp').send({ code: await totpCode(secret) });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('sign_in_restart');
  });

  it('throttles wrong codes with 429 and Retry-After, even when the next code is right', async () => {
    const user = await makeUser('officer');
    const secret = await enrolDirectly(user);
    const agent = await agentFor(app());
    await passwordStep(agent, user.email);
    const right = await totpCode(secret);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await agent.post('/api/v1/auth/totp').send({ code: wrong })).status).toBe(401);
    }
    const blocked = await agent.post('/api/v1/auth/totp').send({ code: right });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('enrols from "Mon compte": QR code drawn locally, first code, ten recovery codes shown once and stored hashed', async () => {
    const agent = await signedIn('officer');
    const otherDevice = await client({ email: agent.user.email });

    const setup = await agent.post('/api/v1/account/two-factor/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.body.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    expect(setup.body.otpauthUri).toContain('otpauth://totp/');
    expect(setup.body.otpauthUri).toContain(`secret=${setup.body.secret}`);
    expect((await User.findByPk(agent.user.id))!.totpEnabledAt).toBeNull();

    const refused = await agent.post('/api/v1/account/two-factor/confirm').send({ code: 'abcdef' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('code');

    const confirm = await agent.post('/api/v1/account/two-factor/confirm').send({ code: await totpCode(setup.body.secret) });
    expect(confirm.status).toBe(200);
    const codes: string[] = confirm.body.recoveryCodes;
    expect(codes.length).toBe(10);
    expect(new Set(codes).size).toBe(10);

    const stored = await User.findByPk(agent.user.id);
    expect(stored!.totpEnabledAt).not.toBeNull();
    expect(stored!.totpSecret).not.toContain(setup.body.secret);
    const rows = await RecoveryCode.findAll({ where: { userId: agent.user.id } });
    expect(rows.length).toBe(10);
    for (const row of rows) expect(codes.map((code) => code.replace('-', ''))).not.toContain(row.codeHash);

    const account = await agent.get('/api/v1/account');
    expect(account.body.twoFactor).toEqual(jasmine.objectContaining({ enabled: true, recoveryCodesLeft: 10 }));
    expect(JSON.stringify(account.body)).not.toContain(setup.body.secret);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
    expect((await otherDevice.get('/api/v1/auth/me')).status).withContext('other sessions end').toBe(401);
    expect((await agent.post('/api/v1/account/two-factor/setup')).status).toBe(409);
  });

  it('signs in with a recovery code once, in any case and with or without the dash', async () => {
    const agent = await signedIn('officer');
    const setup = await agent.post('/api/v1/account/two-factor/setup');
    const { body } = await agent.post('/api/v1/account/two-factor/confirm').send({ code: await totpCode(setup.body.secret) });
    const code: string = body.recoveryCodes[3];

    const laptop = await agentFor(app());
    expect((await passwordStep(laptop, agent.user.email)).body).toEqual({ twoFactorRequired: true });
    const used = await laptop.post('/api/v1/auth/totp').send({ recoveryCode: ` ${code.toLowerCase().replace('-', '')} ` });
    expect(used.status).toBe(200);

    const again = await agentFor(app());
    await passwordStep(again, agent.user.email);
    const reused = await again.post('/api/v1/auth/totp').send({ recoveryCode: code });
    expect(reused.status).toBe(401);
    expect(await AuditEvent.count({ where: { action: 'recovery_code_used', entityId: agent.user.id } })).toBe(1);
  });

  it('regenerates recovery codes (password asked): the old ones stop working', async () => {
    const agent = await signedIn('officer');
    const setup = await agent.post('/api/v1/account/two-factor/setup');
    const first = await agent.post('/api/v1/account/two-factor/confirm').send({ code: await totpCode(setup.body.secret) });
    const wrong = await agent.post('/api/v1/account/two-factor/recovery-codes').send({ currentPassword: 'not my password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'Mot de passe actuel incorrect.' }]);
    const renewed = await agent.post('/api/v1/account/two-factor/recovery-codes').send({ currentPassword: testPassword });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes.length).toBe(10);

    const laptop = await agentFor(app());
    await passwordStep(laptop, agent.user.email);
    expect((await laptop.post('/api/v1/auth/totp').send({ recoveryCode: first.body.recoveryCodes[0] })).status).toBe(401);
    expect((await laptop.post('/api/v1/auth/totp').send({ recoveryCode: renewed.body.recoveryCodes[0] })).status).toBe(200);
  });

  it('turns off with the password, unless the role requires it', async () => {
    const user = await makeUser('cabinet');
    await enrolDirectly(user);
    await RecoveryCode.create({ userId: user.id, codeHash: 'x'.repeat(64), usedAt: null });
    const agent = await agentFor(app());
    await passwordStep(agent, user.email);
    const signIn = await agent.post('/api/v1/auth/totp').send({ code: await totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') });
    useCsrf(agent, signIn.headers['set-cookie']);

    expect((await agent.post('/api/v1/account/two-factor/disable').send({ currentPassword: 'wrong password here' })).status).toBe(400);
    expect((await agent.post('/api/v1/account/two-factor/disable').send({ currentPassword: testPassword })).status).toBe(204);
    expect((await User.findByPk(user.id))!.totpSecret).toBeNull();
    expect(await RecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const next = await agentFor(app());
    expect((await passwordStep(next, user.email)).body.email).toBe(user.email);
  });

  describe('when an administrator requires it for admins and officers', () => {
    let admin: Awaited<ReturnType<typeof signedIn>>;

    beforeEach(async () => {
      admin = await signedIn('admin');
      const current = await admin.get('/api/v1/settings/security');
      const update = await admin.put('/api/v1/settings/security').send({ twoFactorRequiredForStaff: true, version: current.body.version });
      expect(update.status).toBe(200);
    });

    afterEach(async () => {
      const row = await Setting.findByPk('security');
      await Setting.update({ value: { twoFactorRequiredForStaff: false } }, { where: { key: 'security' } });
      expect(row).not.toBeNull();
    });

    it('makes an officer without it enrol at sign-in before anything else', async () => {
      const user = await makeUser('officer');
      const agent = await agentFor(app());
      const login = await passwordStep(agent, user.email);
      expect(login.body).toEqual({ twoFactorEnrolmentRequired: true });
      expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
      expect((await agent.get('/api/v1/objectives')).status).toBe(401);
      expect((await agent.get('/api/v1/account')).status).toBe(401);

      const setup = await agent.post('/api/v1/account/two-factor/setup');
      expect(setup.status).toBe(200);
      const confirm = await agent.post('/api/v1/account/two-factor/confirm').send({ code: await totpCode(setup.body.secret) });
      expect(confirm.status).toBe(200);
      expect(confirm.body.recoveryCodes.length).toBe(10);
      useCsrf(agent, confirm.headers['set-cookie']);
      const me = await agent.get('/api/v1/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);

      const account = await agent.get('/api/v1/account');
      expect(account.body.twoFactor.required).toBeTrue();
      const disable = await agent.post('/api/v1/account/two-factor/disable').send({ currentPassword: testPassword });
      expect(disable.status).toBe(409);
      expect(disable.body.code).toBe('two_factor_required');
    });

    it('leaves cabinet and association accounts free to choose', async () => {
      const user = await makeUser('cabinet');
      const agent = await agentFor(app());
      expect((await passwordStep(agent, user.email)).body.email).toBe(user.email);
    });

    it('refuses a stale version of the settings with 409', async () => {
      const stale = await admin.put('/api/v1/settings/security').send({ twoFactorRequiredForStaff: false, version: 0 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');
      expect(stale.body.current.twoFactorRequiredForStaff).toBeTrue();
    });

    it('is an administrator’s setting only', async () => {
      const officer = await signedIn('cabinet');
      expect((await officer.get('/api/v1/settings/security')).status).toBe(403);
      expect((await officer.put('/api/v1/settings/security').send({ twoFactorRequiredForStaff: false, version: 1 })).status).toBe(403);
    });
  });

  it('lets an administrator turn off the two-factor sign-in of someone who lost their phone', async () => {
    const admin = await signedIn('admin');
    const user = await makeUser('officer');
    await enrolDirectly(user);
    expect((await admin.delete(`/api/v1/users/${user.id}/two-factor`)).status).toBe(204);
    const agent = await agentFor(app());
    expect((await passwordStep(agent, user.email)).body.email).toBe(user.email);
    expect(await AuditEvent.count({ where: { action: 'two_factor_disable', entityId: user.id, actorUserId: admin.user.id } })).toBe(1);
  });
});
