import request from 'supertest';
import { Session } from './session.model';
import { agentFor, appWith, passwordStep, sessionCookieFrom } from '../testing/security-helpers';
import { makeUser } from '../testing/test-app';

/**
 * The server, not the browser, ends sessions: each check replays the session cookie by hand (a client
 * that ignores the cookie's expiry) with the clock moved forward (Date.now only; timers run as usual).
 */
describe('session timeouts', () => {
  const minutes = (count: number) => count * 60_000;
  let realNow: () => number;
  let offset = 0;

  beforeEach(() => {
    realNow = Date.now.bind(Date);
    offset = 0;
    spyOn(Date, 'now').and.callFake(() => realNow() + offset);
  });

  async function signIn(app: Parameters<typeof agentFor>[0]) {
    const user = await makeUser('officer');
    const agent = await agentFor(app);
    const login = await passwordStep(agent, user.email);
    expect(login.status).toBe(200);
    return { user, cookie: sessionCookieFrom(login.headers['set-cookie'])! };
  }

  const me = (app: Parameters<typeof agentFor>[0], cookie: string) => request(app).get('/api/v1/auth/me').set('Cookie', cookie);

  it('ends a session after SESSION_IDLE_MINUTES without a request, and keeps an active one alive', async () => {
    const app = await appWith({ sessionIdleMinutes: 30, sessionAbsoluteHours: 12 });
    const { cookie } = await signIn(app);

    offset = minutes(20);
    expect((await me(app, cookie)).status).withContext('20 minutes idle').toBe(200);
    offset = minutes(45);
    expect((await me(app, cookie)).status).withContext('25 minutes after the last request').toBe(200);
    offset = minutes(45 + 31);
    expect((await me(app, cookie)).status).withContext('31 minutes after the last request').toBe(401);
    offset = minutes(45 + 32);
    expect((await me(app, cookie)).status).withContext('stays ended').toBe(401);
  });

  it('follows a configured idle timeout', async () => {
    const app = await appWith({ sessionIdleMinutes: 5 });
    const { cookie } = await signIn(app);
    offset = minutes(4);
    expect((await me(app, cookie)).status).toBe(200);
    offset = minutes(4 + 6);
    expect((await me(app, cookie)).status).toBe(401);
  });

  it('ends a session SESSION_ABSOLUTE_HOURS after sign-in however active it is, and removes it from the store', async () => {
    const app = await appWith({ sessionIdleMinutes: 24 * 60, sessionAbsoluteHours: 12 });
    const { user, cookie } = await signIn(app);
    offset = minutes(11 * 60 + 50);
    expect((await me(app, cookie)).status).toBe(200);
    offset = minutes(12 * 60 + 1);
    expect((await me(app, cookie)).status).toBe(401);
    offset = minutes(12 * 60 + 2);
    expect((await me(app, cookie)).status).toBe(401);
    const rows = await Session.findAll({ where: { userId: user.id } });
    expect(rows.length).withContext('no signed-in session row left for the user').toBe(0);
  });
});
