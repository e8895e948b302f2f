import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Contact } from '../contacts/contact.model';
import { Partner } from '../partners/partner.model';
import { Invitation, ProfileUpdate } from '../portal/portal.model';
import { Relationship } from '../relationships/relationship.model';
import { pngImage } from '../testing/images';
import { client, makePartner, makeUser, signedIn, testContext, testPassword, type TestClient } from '../testing/test-app';
import type { Role } from '../users/users.schema';

/**
 * Every operation of the OpenAPI document, called as each role, signed out, and as an association on
 * its own record and on another association's record, answers exactly the status of this table. An
 * operation missing from the table fails the spec with the list of the missing ones: a new endpoint
 * gets its line here (one line: the statuses, then how to name its record and what body to send).
 */
type Who = 'anonymous' | 'admin' | 'officer' | 'cabinet' | 'own' | 'other';
const everyone: readonly Who[] = ['anonymous', 'admin', 'officer', 'cabinet', 'own', 'other'];

/** The records a path may name; `who` says whose: the own association's, another's, or any. */
type RecordKind = 'partner' | 'contact' | 'relationship' | 'user' | 'portalAccount' | 'profileUpdate' | 'invitation' | 'interaction' | 'followUp' | 'project' | 'visit' | 'calendarFile';
type Call = { who: Who; ownPartnerId: number; record: (kind: RecordKind) => Promise<string | number> };
type Line = {
  /** anonymous, admin, officer, cabinet, association on its own record, association on another's (defaults to own). */
  status: [number, number, number, number, number, number?];
  /** The record behind `{id}` or `{token}`. */
  names?: RecordKind;
  body?: (call: Call) => unknown | Promise<unknown>;
  query?: Record<string, string>;
  /** A new signed-in user for this call: the operation ends or changes the caller's session or account. */
  fresh?: boolean;
};

const unique = () => `${Date.now()}-${randomBytes(3).toString('hex')}`;

const matrix: Record<string, Line> = {
  // auth and account
  'POST /auth/login': { status: [401, 401, 401, 401, 401], body: () => ({ email: `nobody-${unique()}@test.local`, password: 'not the password' }) },
  'POST /auth/totp': { status: [401, 401, 401, 401, 401], body: () => ({ code: '123456' }) },
  'POST /auth/logout': { status: [401, 204, 204, 204, 204], fresh: true },
  'GET /auth/me': { status: [401, 200, 200, 200, 200] },
  'GET /account': { status: [401, 200, 200, 200, 200] },
  'PUT /account/password': { status: [401, 204, 204, 204, 204], fresh: true, body: () => ({ currentPassword: testPassword, newPassword: `une autre phrase ${unique()}` }) },
  'PUT /account/email': { status: [401, 200, 200, 200, 200], fresh: true, body: () => ({ currentPassword: testPassword, email: `moved-${unique()}@test.local` }) },
  'POST /account/two-factor/setup': { status: [401, 200, 200, 200, 200], fresh: true },
  'POST /account/two-factor/confirm': { status: [401, 409, 409, 409, 409], fresh: true, body: () => ({ code: '123456' }) },
  'POST /account/two-factor/disable': { status: [401, 204, 204, 204, 204], fresh: true, body: () => ({ currentPassword: testPassword }) },
  'POST /account/two-factor/recovery-codes': { status: [401, 409, 409, 409, 409], fresh: true, body: () => ({ currentPassword: testPassword }) },
  // administration
  'GET /users': { status: [401, 200, 403, 403, 403] },
  'POST /users': { status: [401, 201, 403, 403, 403], body: () => ({ email: `new-${unique()}@test.local`, displayName: 'Nouveau', role: 'cabinet' }) },
  'PATCH /users/{id}': { status: [401, 200, 403, 403, 404], names: 'user', body: () => ({ version: 0, displayName: 'Renommé' }) },
  'POST /users/{id}/password-reset': { status: [401, 200, 403, 403, 404], names: 'user' },
  'DELETE /users/{id}/two-factor': { status: [401, 204, 403, 403, 404], names: 'user' },
  'GET /users/owners': { status: [401, 200, 200, 200, 403] },
  'GET /settings/security': { status: [401, 200, 403, 403, 403] },
  // A stale version: the settings stay as they are for the other specs.
  'PUT /settings/security': { status: [401, 409, 403, 403, 403], body: () => ({ twoFactorRequiredForStaff: false, version: 999 }) },
  // reference data and search
  'GET /objectives': { status: [401, 200, 200, 200, 200] },
  'GET /countries': { status: [401, 200, 200, 200, 200] },
  'GET /search': { status: [401, 200, 200, 200, 200], query: { q: 'madagascar' } },
  // partners
  'GET /partners': { status: [401, 200, 200, 200, 403] },
  'POST /partners': { status: [401, 201, 201, 403, 403], body: () => ({ name: `Matrice ${unique()}`, kind: 'association', country: 'FR' }) },
  'GET /partners/{id}': { status: [401, 200, 200, 200, 404, 404], names: 'partner' },
  'PATCH /partners/{id}': { status: [401, 200, 200, 403, 404, 404], names: 'partner', body: () => ({ version: 0, city: 'Sceaux' }) },
  'DELETE /partners/{id}': { status: [401, 204, 204, 403, 404, 404], names: 'partner' },
  'POST /partners/{id}/restore': { status: [401, 200, 200, 403, 404, 404], names: 'partner' },
  'GET /partners/{id}/history': { status: [401, 200, 200, 200, 404, 404], names: 'partner' },
  'POST /partners/{id}/merge': { status: [401, 200, 200, 403, 404, 404], names: 'partner', body: async () => ({ from: (await makePartner()).id, version: 0 }) },
  'GET /partners/{id}/logo': { status: [401, 200, 200, 200, 200, 404], names: 'partner' },
  // contacts and relationships
  'GET /contacts': { status: [401, 200, 200, 200, 403] },
  'POST /contacts': { status: [401, 201, 201, 403, 403], body: () => ({ lastName: `Matrice ${unique()}`, legalBasis: 'public_task' }) },
  'GET /contacts/{id}': { status: [401, 200, 200, 200, 404], names: 'contact' },
  'PATCH /contacts/{id}': { status: [401, 200, 200, 403, 404], names: 'contact', body: () => ({ version: 0, jobTitle: 'Maire' }) },
  'DELETE /contacts/{id}': { status: [401, 204, 204, 403, 404], names: 'contact' },
  'POST /contacts/{id}/restore': { status: [401, 200, 200, 403, 404], names: 'contact' },
  'GET /contacts/{id}/history': { status: [401, 200, 200, 200, 404], names: 'contact' },
  'POST /contacts/{id}/merge': { status: [401, 200, 200, 403, 404], names: 'contact', body: async () => ({ from: (await contactFixture()).id, version: 0 }) },
  'GET /relationships': { status: [401, 200, 200, 200, 403], query: { partner: '1' } },
  'POST /relationships': {
    status: [401, 201, 201, 403, 403],
    body: async () => ({ type: 'member_of', sourcePartnerId: (await makePartner()).id, targetPartnerId: (await makePartner()).id }),
  },
  'DELETE /relationships/{id}': { status: [401, 204, 204, 403, 404], names: 'relationship' },
  // the association portal
  'GET /partners/{id}/portal-accounts': { status: [401, 200, 200, 200, 404, 404], names: 'partner' },
  'POST /partners/{id}/portal-accounts': { status: [401, 201, 201, 403, 404, 404], names: 'partner', body: () => ({ email: `invite-${unique()}@asso.example`, displayName: 'Invitée' }) },
  'POST /portal-accounts/{id}/revoke': { status: [401, 204, 204, 403, 404, 404], names: 'portalAccount' },
  'GET /invitations/{token}': { status: [200, 200, 200, 200, 200], names: 'invitation' },
  'POST /invitations/{token}/accept': { status: [200, 200, 200, 200, 200], names: 'invitation', body: () => ({ password: 'une phrase de passe pour la matrice' }) },
  'GET /portal/profile': { status: [401, 403, 403, 403, 200] },
  'POST /portal/profile-updates': { status: [401, 403, 403, 403, 201], body: async (call) => ({ version: (await Partner.findByPk(call.ownPartnerId))!.version, publicNeeds: `Besoin ${unique()}` }) },
  'GET /profile-updates': { status: [401, 200, 200, 200, 403] },
  'GET /profile-updates/{id}': { status: [401, 200, 200, 200, 200, 404], names: 'profileUpdate' },
  'GET /profile-updates/{id}/logo': { status: [401, 200, 200, 200, 200, 404], names: 'profileUpdate' },
  'POST /profile-updates/{id}/review': { status: [401, 200, 200, 403, 404, 404], names: 'profileUpdate', body: () => ({ version: 0, decision: 'accept' }) },
  // interactions, follow-ups, the officer's day (the mayor's office logs what it did too)
  'GET /interactions': { status: [401, 200, 200, 200, 403] },
  'POST /interactions': { status: [401, 201, 201, 201, 403], body: async () => ({ type: 'meeting', subject: `Matrice ${unique()}`, partnerIds: [(await makePartner()).id] }) },
  'GET /interactions/{id}': { status: [401, 200, 200, 200, 404], names: 'interaction' },
  'PATCH /interactions/{id}': { status: [401, 200, 200, 200, 404], names: 'interaction', body: () => ({ version: 0, subject: 'Renommé' }) },
  'DELETE /interactions/{id}': { status: [401, 204, 204, 204, 404], names: 'interaction' },
  'POST /interactions/{id}/restore': { status: [401, 200, 200, 200, 404], names: 'interaction' },
  'GET /partners/{id}/timeline': { status: [401, 200, 200, 200, 404, 404], names: 'partner' },
  'GET /contacts/{id}/timeline': { status: [401, 200, 200, 200, 404], names: 'contact' },
  'GET /follow-ups': { status: [401, 200, 200, 200, 403], query: { assignee: 'me', status: 'open' } },
  'POST /follow-ups': { status: [401, 201, 201, 201, 403], body: async () => ({ title: `Matrice ${unique()}`, dueOn: '2026-12-31', assigneeUserId: (await makeUser('officer')).id, partnerId: (await makePartner()).id }) },
  'GET /follow-ups/assignees': { status: [401, 200, 200, 200, 403] },
  'GET /follow-ups/{id}': { status: [401, 200, 200, 200, 404], names: 'followUp' },
  'PATCH /follow-ups/{id}': { status: [401, 200, 200, 200, 404], names: 'followUp', body: () => ({ version: 0, status: 'done' }) },
  'DELETE /follow-ups/{id}': { status: [401, 204, 204, 204, 404], names: 'followUp' },
  'POST /follow-ups/{id}/restore': { status: [401, 200, 200, 200, 404], names: 'followUp' },
  'GET /account/calendar-feed': { status: [401, 200, 200, 200, 403] },
  'POST /account/calendar-feed': { status: [401, 201, 201, 201, 403], fresh: true },
  'DELETE /account/calendar-feed': { status: [401, 204, 204, 204, 403], fresh: true },
  // The secret in the address is the key: whoever holds it reads that calendar, nobody else's.
  'GET /calendar/{file}': { status: [200, 200, 200, 200, 200], names: 'calendarFile' },
  'GET /home': { status: [401, 200, 200, 200, 403] },
  'GET /settings/quiet-partners': { status: [401, 200, 200, 200, 403] },
  // A stale version: the settings stay as they are for the other specs.
  'PUT /settings/quiet-partners': { status: [401, 409, 403, 403, 403], body: () => ({ months: { twin_town: 6 }, version: 999 }) },
  // projects, visits, briefing packs, the plan
  'GET /projects': { status: [401, 200, 200, 200, 403] },
  'POST /projects': { status: [401, 201, 201, 403, 403], body: () => ({ title: `Matrice ${unique()}`, kind: 'exchange' }) },
  'GET /milestones/due': { status: [401, 200, 200, 200, 403] },
  'GET /projects/{id}': { status: [401, 200, 200, 200, 404], names: 'project' },
  'PATCH /projects/{id}': { status: [401, 200, 200, 403, 404], names: 'project', body: () => ({ version: 0, status: 'running' }) },
  'DELETE /projects/{id}': { status: [401, 204, 204, 403, 404], names: 'project' },
  'POST /projects/{id}/restore': { status: [401, 200, 200, 403, 404], names: 'project' },
  'GET /projects/{id}/history': { status: [401, 200, 200, 200, 404], names: 'project' },
  'GET /visits': { status: [401, 200, 200, 200, 403] },
  'POST /visits': { status: [401, 201, 201, 201, 403], body: () => ({ title: `Matrice ${unique()}`, direction: 'outgoing', startsOn: '2027-03-01', endsOn: '2027-03-03' }) },
  'GET /visits/{id}': { status: [401, 200, 200, 200, 404], names: 'visit' },
  'PATCH /visits/{id}': { status: [401, 200, 200, 200, 404], names: 'visit', body: () => ({ version: 0, notes: 'Pour le maire' }) },
  'DELETE /visits/{id}': { status: [401, 204, 204, 204, 404], names: 'visit' },
  'POST /visits/{id}/restore': { status: [401, 200, 200, 200, 404], names: 'visit' },
  'GET /visits/{id}/history': { status: [401, 200, 200, 200, 404], names: 'visit' },
  'GET /visits/{id}/briefing': { status: [401, 200, 200, 200, 404], names: 'visit' },
  'GET /visits/{id}/briefing/pdf': { status: [401, 200, 200, 200, 404], names: 'visit' },
  'GET /partners/{id}/briefing': { status: [401, 200, 200, 200, 404, 404], names: 'partner' },
  'GET /partners/{id}/briefing/pdf': { status: [401, 200, 200, 200, 404, 404], names: 'partner' },
  'GET /plan/objectives': { status: [401, 200, 200, 200, 403] },
  'GET /plan/annual-report': { status: [401, 200, 200, 200, 403], query: { year: '2026' } },
  'GET /plan/annual-report/pdf': { status: [401, 200, 200, 200, 403], query: { year: '2026' } },
  // data in and out, data protection (administrators; an upload without its file is a 400)
  'POST /imports/analyse': { status: [401, 400, 403, 403, 403] },
  'POST /imports/dry-run': { status: [401, 400, 403, 403, 403] },
  'POST /imports/run': { status: [401, 400, 403, 403, 403] },
  'GET /exports/partners': { status: [401, 200, 200, 200, 403], query: { format: 'csv', country: 'MG' } },
  'GET /exports/contacts': { status: [401, 200, 200, 200, 403], query: { format: 'csv', q: 'matrice' } },
  'GET /exports/interactions': { status: [401, 200, 200, 200, 403], query: { format: 'csv', q: 'matrice' } },
  'GET /exports/follow-ups': { status: [401, 200, 200, 200, 403], query: { format: 'csv' } },
  'POST /contacts/{id}/personal-data': { status: [401, 200, 403, 403, 404], names: 'contact' },
  'POST /contacts/{id}/erase': { status: [401, 204, 403, 403, 404], names: 'contact', body: () => ({ version: 0, reason: 'Demande de la personne' }) },
  'GET /data-protection/retention': { status: [401, 200, 403, 403, 403] },
  'POST /data-protection/retention/keep': { status: [401, 200, 403, 403, 403], body: async () => ({ ids: [(await contactFixture()).id], reason: 'Toujours en relation' }) },
  'POST /data-protection/retention/erase': { status: [401, 200, 403, 403, 403], body: async () => ({ ids: [(await contactFixture()).id], reason: 'Plus de relation depuis trois ans' }) },
};

// ---------------------------------------------------------------- fixtures

async function storedLogo() {
  const name = `${randomBytes(16).toString('hex')}.png`;
  const dir = path.join(testContext().config.dataDir, 'logos');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), pngImage(40, 40));
  return name;
}

async function associationPartner() {
  const partner = await makePartner({ kind: 'association' });
  // Straight to the row, so that the partner stays at version 0.
  await testContext().sequelize.query('UPDATE partners SET logo_file = ? WHERE id = ?', { replacements: [await storedLogo(), partner.id] });
  return partner;
}

async function contactFixture() {
  return Contact.create({ lastName: `Matrice ${unique()}`, legalBasis: 'public_task' } as never);
}

/** A new record of that kind: belonging to the caller's association ("own"), to another one, or to a new association. */
async function recordOf(kind: RecordKind, who: Who, ownPartnerId: number): Promise<string | number> {
  const partnerId = async () => (who === 'own' ? ownPartnerId : (await associationPartner()).id);
  switch (kind) {
    case 'partner':
      return partnerId();
    case 'contact':
      return (await contactFixture()).id;
    case 'relationship':
      return (await Relationship.create({ type: 'supports', sourcePartnerId: (await makePartner()).id, targetPartnerId: (await makePartner()).id } as never)).id;
    case 'user':
      return (await makeUser('cabinet')).id;
    case 'portalAccount':
      return who === 'own' ? ownUserId : (await makeUser('association', { partnerId: await partnerId() })).id;
    case 'profileUpdate': {
      const update = await ProfileUpdate.create({
        partnerId: await partnerId(),
        submittedByUserId: null,
        status: 'pending',
        proposed: { logo: await storedLogo() },
        baseValues: { logo: null },
        baseVersion: 0,
        reviewMessage: null,
        reviewedByUserId: null,
        reviewedAt: null,
      });
      // The own partner has its logo already: base the proposal on it so that accepting is no conflict.
      const partner = (await Partner.findByPk(update.partnerId))!;
      update.baseValues = { logo: partner.logoFile };
      update.changed('baseValues', true);
      await update.save({ silent: true });
      await ProfileUpdate.update({ version: 0 }, { where: { id: update.id } });
      return update.id;
    }
    case 'interaction':
      return (await created('/api/v1/interactions', { type: 'call', subject: `Matrice ${unique()}`, partnerIds: [(await makePartner()).id] })).id;
    case 'followUp':
      return (await created('/api/v1/follow-ups', { title: `Matrice ${unique()}`, dueOn: '2026-12-31', assigneeUserId: (await makeUser('officer')).id, partnerId: (await makePartner()).id })).id;
    case 'project':
      return (await created('/api/v1/projects', { title: `Matrice ${unique()}`, kind: 'cooperation' })).id;
    case 'visit':
      return (await created('/api/v1/visits', { title: `Matrice ${unique()}`, direction: 'incoming', startsOn: '2027-05-01', endsOn: '2027-05-02' })).id;
    case 'calendarFile': {
      const owner = await signedIn('officer');
      const feed = await owner.post('/api/v1/account/calendar-feed');
      return String(feed.body.url).split('/').pop()!;
    }
    case 'invitation': {
      const user = await makeUser('association', { partnerId: await partnerId() });
      await user.update({ passwordHash: null });
      const token = randomBytes(32).toString('base64url');
      await Invitation.create({ userId: user.id, tokenHash: createHash('sha256').update(token).digest('hex'), expiresAt: new Date(Date.now() + 3600_000), usedAt: null, revokedAt: null, createdByUserId: null });
      return token;
    }
  }
}

let ownUserId = 0;
let fixtureClient: TestClient | undefined;

/** A record made through the API by an officer, as a user would, at version 0. */
async function created(url: string, body: object): Promise<{ id: number }> {
  fixtureClient ??= await signedIn('officer');
  const response = await fixtureClient.post(url).send(body);
  if (response.status !== 201) throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

type OpenApi = { paths: Record<string, Record<string, unknown>> };

describe('authorization matrix', () => {
  it('lists every operation of the API', async () => {
    const document = (await (await client()).get('/api/v1/openapi.json')).body as OpenApi;
    const operations = Object.entries(document.paths).flatMap(([apiPath, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${apiPath.replace(/^\/api\/v1/, '')}`),
    );
    const missing = operations.filter((operation) => !(operation in matrix));
    const stale = Object.keys(matrix).filter((operation) => !operations.includes(operation));
    expect(missing).withContext('operations without a line in the authorization matrix').toEqual([]);
    expect(stale).withContext('lines for operations the API no longer has').toEqual([]);
  });

  it('answers each role exactly the status of the matrix, and no unexpected 2xx', async () => {
    const ownPartner = await associationPartner();
    const staff: Partial<Record<Who, TestClient>> = {};
    for (const role of ['admin', 'officer', 'cabinet'] as const) staff[role] = await signedIn(role);
    const association = await signedIn('association', { partnerId: ownPartner.id });
    ownUserId = association.user.id;
    const mismatches: string[] = [];
    let calls = 0;

    for (const [operation, line] of Object.entries(matrix)) {
      const [method, apiPath] = operation.split(' ') as [string, string];
      for (const [index, who] of everyone.entries()) {
        const expected = line.status[index] ?? line.status[4];
        const role: Role | null = who === 'anonymous' ? null : who === 'own' || who === 'other' ? 'association' : who;
        let caller: TestClient;
        if (!role) caller = await client();
        else if (line.fresh) caller = role === 'association' ? await signedIn('association', { partnerId: ownPartner.id }) : await signedIn(role);
        else caller = role === 'association' ? association : staff[role as 'admin']!;
        const call: Call = { who, ownPartnerId: ownPartner.id, record: (kind) => recordOf(kind, who, ownPartner.id) };
        let url = `/api/v1${apiPath}`;
        if (line.names) url = url.replace(/\{(id|token|file)\}/, String(await call.record(line.names)));
        const body = line.body ? await line.body(call) : undefined;
        const request = (caller as unknown as Record<string, (url: string) => import('supertest').Test>)[method.toLowerCase()]!(url);
        if (line.query) request.query(line.query);
        const response = await (body === undefined ? request : request.send(body as object));
        calls += 1;
        if (response.status !== expected) mismatches.push(`${operation} as ${who}: ${response.status}, expected ${expected} ${JSON.stringify(response.body).slice(0, 200)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(Object.keys(matrix).length * everyone.length);
  }, 300_000);

  it('never lets an association reach another association\'s record (404) nor the staff lists (403)', () => {
    for (const [operation, line] of Object.entries(matrix)) {
      const own = line.status[4];
      const other = line.status[5] ?? own;
      if (line.names && line.names !== 'invitation' && line.names !== 'calendarFile') expect(other).withContext(operation).toBe(404);
      if (operation.startsWith('GET /partners') || operation.startsWith('GET /contacts')) expect(own >= 400 || operation.endsWith('/logo')).withContext(operation).toBeTrue();
    }
  });
});
