import { AuditEvent } from '../audit/audit-event.model';
import { User } from '../users/user.model';
import { agentFor, passwordStep } from '../testing/security-helpers';
import { client, makeUser, signedIn, testContext, testPassword } from '../testing/test-app';

describe('Mon compte: password and e-mail', () => {
  it('changes the password when the current one is given, and ends the other sessions only', async () => {
    const agent = await signedIn('officer');
    const phone = await client({ email: agent.user.email });
    const newPassword = 'les glycines du parc de sceaux';

    const response = await agent.put('/api/v1/account/password').send({ currentPassword: testPassword, newPassword });
    expect(response.status).toBe(204);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);

    const old = await agentFor(testContext().app);
    expect((await passwordStep(old, agent.user.email, testPassword)).status).toBe(401);
    const fresh = await agentFor(testContext().app);
    expect((await passwordStep(fresh, agent.user.email, newPassword)).status).toBe(200);
    expect(await AuditEvent.count({ where: { action: 'password_change', entityId: agent.user.id } })).toBe(1);
  });

  it('refuses a wrong current password next to its field, and changes nothing', async () => {
    const agent = await signedIn('officer');
    const before = (await User.findByPk(agent.user.id))!.passwordHash;
    const response = await agent.put('/api/v1/account/password').send({ currentPassword: 'this is not it', newPassword: 'une phrase tout à fait nouvelle' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('wrong_password');
    expect(response.body.errors).toEqual([{ path: 'currentPassword', message: 'Mot de passe actuel incorrect.' }]);
    expect((await User.findByPk(agent.user.id))!.passwordHash).toBe(before);
  });

  it('refuses a new password that is too short or too common, in French, next to the field', async () => {
    const agent = await signedIn('officer');
    const short = await agent.put('/api/v1/account/password').send({ currentPassword: testPassword, newPassword: 'court' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ path: 'newPassword', message: jasmine.stringContaining('au moins 12 caractères') }]);
    const common = await agent.put('/api/v1/account/password').send({ currentPassword: testPassword, newPassword: 'qwertyuiop123' });
    expect(common.status).toBe(400);
    expect(common.body.errors[0].message).toContain('plus courants');
  });

  it('counts wrong current passwords against the sign-in throttle', async () => {
    const agent = await signedIn('officer');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await agent.put('/api/v1/account/password').send({ currentPassword: `guess number ${attempt}`, newPassword: 'une phrase tout à fait nouvelle' });
      expect(response.status).toBe(400);
    }
    const blocked = await agent.put('/api/v1/account/password').send({ currentPassword: testPassword, newPassword: 'une phrase tout à fait nouvelle' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('changes the e-mail address with the current password, ends the other sessions, and refuses one already taken', async () => {
    const agent = await signedIn('cabinet');
    const phone = await client({ email: agent.user.email });
    const other = await makeUser('officer');

    const taken = await agent.put('/api/v1/account/email').send({ currentPassword: testPassword, email: other.email.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].path).toBe('email');
    expect((await phone.get('/api/v1/auth/me')).status).toBe(200);

    const wrong = await agent.put('/api/v1/account/email').send({ currentPassword: 'nope nope nope', email: 'new.address@sceaux.fr' });
    expect(wrong.status).toBe(400);

    const email = `nouvelle.adresse.${Date.now()}@sceaux.fr`;
    const response = await agent.put('/api/v1/account/email').send({ currentPassword: testPassword, email: `  ${email.toUpperCase()} ` });
    expect(response.status).toBe(200);
    expect(response.body.email).toBe(email);
    expect((await agent.get('/api/v1/auth/me')).body.email).toBe(email);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);
    const audit = await AuditEvent.findOne({ where: { entityType: 'user', entityId: agent.user.id, action: 'update' } });
    expect(audit?.after).toEqual({ email });
  });

  it('validates the e-mail change in French', async () => {
    const agent = await signedIn('cabinet');
    const response = await agent.put('/api/v1/account/email').send({ email: 'pas une adresse' });
    expect(response.status).toBe(400);
    const paths = response.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(jasmine.arrayContaining(['currentPassword', 'email']));
    expect(response.body.errors.find((error: { path: string }) => error.path === 'email').message).toContain('n’est pas valide');
  });

  it('shows the account and its two-factor state', async () => {
    const agent = await signedIn('association');
    const response = await agent.get('/api/v1/account');
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(agent.user.id);
    expect(response.body.twoFactor).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: false });
  });
});
