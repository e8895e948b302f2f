import request from 'supertest';
import { QueryTypes } from 'sequelize';
import { signedIn, testContext } from '../testing/test-app';

/** Session rows (touched to extend them) and rate-limit counters are bookkeeping, not state. */
const bookkeeping = new Set(['sessions', 'rate_limits']);

async function snapshot(): Promise<Record<string, string>> {
  const { sequelize } = testContext();
  const tables = (await sequelize.getQueryInterface().showAllTables()).map((table) => (typeof table === 'string' ? table : (table as { tableName: string }).tableName));
  const result: Record<string, string> = {};
  for (const table of tables.filter((name) => !bookkeeping.has(name) && !name.startsWith('sqlite_'))) {
    const rows = await sequelize.query(`SELECT * FROM ${sequelize.getQueryInterface().quoteIdentifier(table)}`, { type: QueryTypes.SELECT });
    result[table] = JSON.stringify(rows.map((row) => JSON.stringify(row)).sort());
  }
  return result;
}

type OpenApi = { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };

/**
 * No state change over GET: every GET operation of the OpenAPI document, called by every role and
 * signed out, with and without path ids that exist, leaves every table as it was (sessions and
 * rate-limit counters aside). The document is walked, so later features are covered as they come.
 */
describe('safe methods', () => {
  it('no GET operation changes any stored data', async () => {
    const app = testContext().app;
    const document = (await request(app).get('/api/v1/openapi.json')).body as OpenApi;
    const clients = [request.agent(app), ...(await Promise.all((['admin', 'officer', 'cabinet', 'association'] as const).map((role) => signedIn(role))))];
    const gets = Object.entries(document.paths).filter(([, item]) => item['get']);
    expect(gets.length).toBeGreaterThan(3);

    const before = await snapshot();
    let calls = 0;
    for (const [path, item] of gets) {
      const pathParams = (item['get']!.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
      for (const id of pathParams.length ? ['1', '2', '3', '999999'] : ['']) {
        const url = pathParams.reduce((current, name) => current.replace(`{${name}}`, id), path);
        for (const client of clients) {
          const response = await client.get(url).query({ limit: 5 });
          expect(response.status).withContext(url).toBeLessThan(500);
          calls += 1;
        }
      }
    }
    const after = await snapshot();
    for (const table of Object.keys(before)) expect(after[table]).withContext(`table ${table} after ${calls} GET calls`).toEqual(before[table]!);
  });
});
