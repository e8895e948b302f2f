import fc from 'fast-check';
import { AuditEvent } from '../audit/audit-event.model';
import { signedIn, type TestClient } from '../testing/test-app';

/**
 * Random sequences of creates, edits, stale edits, deletes, restores and merges of partners through the
 * API, checked against a plain model after every step: each answer has exactly the status the model
 * expects (so never a 500), nothing acknowledged is lost, and every acknowledged change has its audit
 * event.
 */

type ModelPartner = { name: string; city: string | null; version: number; deleted: boolean; auditEvents: number };
type Model = { partners: Map<number, ModelPartner>; ids: number[] };
type Real = { client: TestClient };

let runId = 0;
let nameCounter = 0;

function pick(model: Model, index: number): [number, ModelPartner] | undefined {
  if (model.ids.length === 0) return undefined;
  const id = model.ids[index % model.ids.length]!;
  return [id, model.partners.get(id)!];
}

/** The real record matches the model: values, deletion, version, and one audit event per change. */
async function checkAgainstModel(model: Model, real: Real, id: number) {
  const expected = model.partners.get(id)!;
  const response = await real.client.get(`/api/v1/partners/${id}`);
  expect(response.status).withContext(`GET partner ${id}`).toBe(200);
  expect(response.body.name).toBe(expected.name);
  expect(response.body.city).toBe(expected.city);
  expect(response.body.deletedAt === null).withContext(`partner ${id} deleted?`).toBe(!expected.deleted);
  if (!expected.deleted) expect(response.body.version).toBe(expected.version);
  const events = await AuditEvent.count({ where: { entityType: 'partner', entityId: id } });
  expect(events).withContext(`audit events of partner ${id}`).toBe(expected.auditEvents);
}

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly city: string | null) {}
  check = () => true;
  async run(model: Model, real: Real) {
    nameCounter += 1;
    const name = `Modèle ${runId}-${nameCounter} ${Math.random().toString(36).slice(2, 8)}`;
    const response = await real.client
      .post('/api/v1/partners')
      .send({ name, kind: 'association', country: 'FR', city: this.city, confirmDuplicate: true });
    expect(response.status).withContext(JSON.stringify(response.body)).toBe(201);
    model.partners.set(response.body.id, { name, city: this.city, version: response.body.version, deleted: false, auditEvents: 1 });
    model.ids.push(response.body.id);
    await checkAgainstModel(model, real, response.body.id);
  }
  toString = () => `create(city=${JSON.stringify(this.city)})`;
}

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly city: string | null) {}
  check = (model: Readonly<Model>) => model.ids.length > 0;
  async run(model: Model, real: Real) {
    const [id, partner] = pick(model, this.index)!;
    const response = await real.client.patch(`/api/v1/partners/${id}`).send({ version: partner.version, city: this.city });
    if (partner.deleted) {
      expect(response.status).toBe(404);
    } else {
      expect(response.status).withContext(JSON.stringify(response.body)).toBe(200);
      if (partner.city !== this.city) {
        partner.auditEvents += 1;
        expect(response.body.version).toBe(partner.version + 1);
      }
      partner.city = this.city;
      partner.version = response.body.version;
    }
    await checkAgainstModel(model, real, id);
  }
  toString = () => `edit(#${this.index}, city=${JSON.stringify(this.city)})`;
}

class StaleEdit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => {
    const target = pick(model as Model, this.index);
    return target !== undefined && !target[1].deleted && target[1].version > 0;
  };
  async run(model: Model, real: Real) {
    const [id, partner] = pick(model, this.index)!;
    const response = await real.client.patch(`/api/v1/partners/${id}`).send({ version: partner.version - 1, city: 'Écrasé' });
    expect(response.status).toBe(409);
    expect(response.body.current.version).toBe(partner.version);
    await checkAgainstModel(model, real, id);
  }
  toString = () => `staleEdit(#${this.index})`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.ids.length > 0;
  async run(model: Model, real: Real) {
    const [id, partner] = pick(model, this.index)!;
    const response = await real.client.delete(`/api/v1/partners/${id}`);
    if (partner.deleted) {
      expect(response.status).toBe(404);
    } else {
      expect(response.status).toBe(204);
      partner.deleted = true;
      partner.auditEvents += 1;
    }
    await checkAgainstModel(model, real, id);
  }
  toString = () => `delete(#${this.index})`;
}

class Restore implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.ids.length > 0;
  async run(model: Model, real: Real) {
    const [id, partner] = pick(model, this.index)!;
    const response = await real.client.post(`/api/v1/partners/${id}/restore`);
    expect(response.status).withContext(JSON.stringify(response.body)).toBe(200);
    if (partner.deleted) {
      partner.deleted = false;
      partner.auditEvents += 1;
    }
    partner.version = response.body.version;
    await checkAgainstModel(model, real, id);
  }
  toString = () => `restore(#${this.index})`;
}

class Merge implements fc.AsyncCommand<Model, Real> {
  constructor(readonly keptIndex: number, readonly fromIndex: number) {}
  check = (model: Readonly<Model>) => {
    const kept = pick(model as Model, this.keptIndex);
    const from = pick(model as Model, this.fromIndex);
    return kept !== undefined && from !== undefined && kept[0] !== from[0];
  };
  async run(model: Model, real: Real) {
    const [keptId, kept] = pick(model, this.keptIndex)!;
    const [fromId, from] = pick(model, this.fromIndex)!;
    const response = await real.client.post(`/api/v1/partners/${keptId}/merge`).send({ from: fromId, version: kept.version });
    if (kept.deleted) {
      expect(response.status).toBe(404);
    } else if (from.deleted) {
      expect(response.status).toBe(400);
    } else {
      expect(response.status).withContext(JSON.stringify(response.body)).toBe(200);
      expect(response.body.version).toBe(kept.version + 1);
      kept.version = response.body.version;
      kept.auditEvents += 1;
      from.deleted = true;
      from.auditEvents += 1;
    }
    await checkAgainstModel(model, real, keptId);
    await checkAgainstModel(model, real, fromId);
  }
  toString = () => `merge(#${this.keptIndex} <- #${this.fromIndex})`;
}

describe('model-based: random sequences of partner changes through the API', () => {
  let client: TestClient;

  beforeAll(async () => {
    client = await signedIn('officer');
  });

  it('acknowledges exactly what the model expects, loses nothing, and audits every change', async () => {
    const city = fc.constantFrom(null, 'Sceaux', 'Brühl', 'Leamington Spa', 'Зеленодольськ');
    const index = fc.nat(20);
    const commands = [
      city.map((value) => new Create(value)),
      fc.tuple(index, city).map(([i, value]) => new Edit(i, value)),
      index.map((i) => new StaleEdit(i)),
      index.map((i) => new Delete(i)),
      index.map((i) => new Restore(i)),
      fc.tuple(index, index).map(([kept, from]) => new Merge(kept, from)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: 'large' }), async (sequence) => {
        runId += 1;
        const model: Model = { partners: new Map(), ids: [] };
        // A few records to start from, so that every sequence has something to edit, delete and merge.
        for (const start of ['Sceaux', null, 'Brühl']) await new Create(start).run(model, { client });
        await fc.asyncModelRun(() => ({ model, real: { client } }), sequence);
        // At the end, every record the model knows is still exactly as acknowledged.
        for (const id of model.ids) await checkAgainstModel(model, { client }, id);
      }),
      { numRuns: 15, seed: Number(process.env['MODEL_SEED'] ?? Date.now() % 2_147_483_647), endOnFailure: true },
    );
  }, 300_000);
});

describe('two concurrent edits of one record', () => {
  it('let exactly one succeed; the other gets 409 with the record as it is now', async () => {
    const [marie, paul] = await Promise.all([signedIn('officer'), signedIn('officer')]);
    for (let round = 0; round < 8; round += 1) {
      const created = await marie
        .post('/api/v1/partners')
        .send({ name: `Concurrence ${round} ${Math.random().toString(36).slice(2, 8)}`, kind: 'network', country: 'DE', confirmDuplicate: true });
      expect(created.status).toBe(201);
      const { id, version } = created.body;
      const [first, second] = await Promise.all([
        marie.patch(`/api/v1/partners/${id}`).send({ version, city: 'Brühl' }),
        paul.patch(`/api/v1/partners/${id}`).send({ version, city: 'Köln' }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).withContext(`round ${round}`).toEqual([200, 409]);
      const winner = first.status === 200 ? first : second;
      const loser = first.status === 200 ? second : first;
      expect(loser.body.code).toBe('version_conflict');
      expect(loser.body.current.city).toBe(winner.body.city);
      const stored = await marie.get(`/api/v1/partners/${id}`);
      expect(stored.body.city).toBe(winner.body.city);
      expect(stored.body.version).toBe(version + 1);
      expect(await AuditEvent.count({ where: { entityType: 'partner', entityId: id, action: 'update' } })).toBe(1);
    }
  });
});
