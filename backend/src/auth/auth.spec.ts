import request from 'supertest';
import { AuditEvent } from '../audit/audit-event.model';
import { User } from '../users/user.model';
import { client, csrfTokenFrom, makeUser, signedIn, testContext, testPassword } from '../testing/test-app';

describe('auth', () => {
  it('signs in with e-mail and password, answers the user, and knows them afterwards', async () => {
    const user = await makeUser('officer');
    const agent = await client();
    const login = await agent.post('/api/v1/auth/login').send({ email: user.email.toUpperCase(), password: testPassword });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ id: user.id, email: user.email, displayName: user.displayName, role: 'officer', partnerId: null });
    expect(login.body.passwordHash).toBeUndefined();

    agent.set('X-XSRF-TOKEN', csrfTokenFrom(login.headers['set-cookie']));
    const me = await agent.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.email);
    const audit = await AuditEvent.findOne({ where: { action: 'login', entityId: user.id } });
    expect(audit).not.toBeNull();
  });

  it('gives a new session id and a new CSRF token at sign-in', async () => {
    const user = await makeUser('cabinet');
    const agent = await client();
    const before = await agent.get('/api/v1/auth/me');
    const sidBefore = sessionCookie(before.headers['set-cookie']);
    const login = await agent.post('/api/v1/auth/login').send({ email: user.email, password: testPassword });
    expect(login.status).toBe(200);
    const sidAfter = sessionCookie(login.headers['set-cookie']);
    expect(sidAfter).toBeDefined();
    expect(sidAfter).not.toEqual(sidBefore);
    expect(csrfTokenFrom(login.headers['set-cookie'])).not.toEqual(agent.csrfToken);
  });

  it('sets HttpOnly SameSite session cookies and a readable CSRF cookie', async () => {
    const user = await makeUser('officer');
    const agent = await client();
    const login = await agent.post('/api/v1/auth/login').send({ email: user.email, password: testPassword });
    const cookies = login.headers['set-cookie'] as unknown as string[];
    const session = cookies.find((cookie) => cookie.startsWith('passerelles.sid='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const csrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='))!;
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('refuses a wrong password and an unknown e-mail alike, without saying which field was wrong', async () => {
    const user = await makeUser('officer');
    const wrongPassword = await (await client()).post('/api/v1/auth/login').send({ email: user.email, password: 'not the password' });
    const unknownEmail = await (await client()).post('/api/v1/auth/login').send({ email: 'nobody@nowhere.test', password: testPassword });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.headers['content-type']).toContain('application/problem+json');
    expect(wrongPassword.body.code).toBe('invalid_credentials');
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('refuses a deactivated account', async () => {
    const user = await makeUser('officer');
    await User.update({ active: false }, { where: { id: user.id } });
    const response = await (await client()).post('/api/v1/auth/login').send({ email: user.email, password: testPassword });
    expect(response.status).toBe(401);
  });

  it('throttles repeated failures on one account with 429 and Retry-After, even with the right password', async () => {
    const user = await makeUser('officer');
    const agent = await client();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await agent.post('/api/v1/auth/login').send({ email: user.email, password: `wrong password ${attempt}` });
      expect(response.status).toBe(401);
    }
    const blocked = await agent.post('/api/v1/auth/login').send({ email: user.email, password: testPassword });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.code).toBe('too_many_requests');
  });

  it('rejects a state-changing request without the CSRF header, or with a wrong one, with 403', async () => {
    const user = await makeUser('officer');
    const agent = request.agent(testContext().app);
    await agent.get('/api/v1/auth/me');
    const missing = await agent.post('/api/v1/auth/login').send({ email: user.email, password: testPassword });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_failed');
    const wrong = await agent.post('/api/v1/auth/login').set('X-XSRF-TOKEN', 'forged').send({ email: user.email, password: testPassword });
    expect(wrong.status).toBe(403);
  });

  it('answers 401 to /auth/me when signed out', async () => {
    const response = await request(testContext().app).get('/api/v1/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('ends every session of the user at sign-out', async () => {
    const user = await makeUser('officer');
    const laptop = await client({ email: user.email });
    const phone = await client({ email: user.email });
    expect((await phone.get('/api/v1/auth/me')).status).toBe(200);

    const logout = await laptop.post('/api/v1/auth/logout');
    expect(logout.status).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('validates the login body', async () => {
    const response = await (await client()).post('/api/v1/auth/login').send({ email: 42 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(jasmine.arrayContaining(['email', 'password']));
  });

  it('ties an association user to its partner', async () => {
    const association = await signedIn('association');
    const me = await association.get('/api/v1/auth/me');
    expect(me.body.role).toBe('association');
    expect(me.body.partnerId).toEqual(jasmine.any(Number));
  });

  it('reads a signed-in request’s session and user in one query, and sees a change to the user at once', async () => {
    const user = await makeUser('officer');
    const session = await client({ email: user.email });
    const { sequelize } = testContext();
    const reads: string[] = [];
    const record = (_options: unknown, query: { sql?: string } | undefined) => {
      const sql = query?.sql ?? '';
      if (/^SELECT/i.test(sql) && /`?(sessions|users)`?/.test(sql)) reads.push(sql);
    };
    // The SQL is known once the query has run.
    sequelize.addHook('afterQuery', 'count-auth-reads', record as never);
    try {
      const me = await session.get('/api/v1/auth/me');
      expect(me.status).toBe(200);
      expect(reads.length).withContext(reads.join('\n')).toBe(1);

      // Another process (here, straight in the database) renames the user: the next request knows it.
      await User.update({ displayName: 'Nom changé ailleurs' }, { where: { id: user.id } });
      expect((await session.get('/api/v1/auth/me')).body.displayName).toBe('Nom changé ailleurs');
      await User.update({ active: false }, { where: { id: user.id } });
      expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    } finally {
      sequelize.removeHook('afterQuery', 'count-auth-reads');
    }
  });
});

function sessionCookie(setCookie: string | string[] | undefined) {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return cookies.map((cookie) => /^passerelles\.sid=([^;]+)/.exec(cookie)?.[1]).find(Boolean);
}

describe('auth after the session is gone', () => {
  it('answers 401, not a CSRF error, to a write by a caller whose session ended', async () => {
    const user = await makeUser('officer');
    const agent = await client({ email: user.email });
    await agent.post('/api/v1/auth/logout');
    const response = await agent.post('/api/v1/auth/logout');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });
});
