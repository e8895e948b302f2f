import { Op, type Transaction } from 'sequelize';
import { foldText } from '../common/text';
import { insertRows } from '../db/bulk-insert';
import { SearchEntry } from './search-entry.model';
import type { SearchKind } from './search.schema';
import { searchSources } from './search-sources';

/** What a feature tells the index about one of its records. */
export type SearchDocument = {
  recordId: number;
  title: string;
  /** Names the record is known by (name, local names, acronyms): they rank above the rest. */
  names: string[];
  /** The rest of the searchable text: description, notes, places... */
  body: string | null;
  partnerId: number | null;
  partnerKind: string | null;
  country: string | null;
  occurredAt: Date | null;
};

export type SearchSource = {
  kind: SearchKind;
  /** The documents of these records; records that are gone (deleted) are simply absent. */
  documents(ids: number[], transaction: Transaction | null): Promise<SearchDocument[]>;
  /** The ids of the live records after `afterId`, ascending, for a rebuild. */
  nextIds(afterId: number, limit: number): Promise<number[]>;
  url(recordId: number): string;
  /**
   * SQL condition on the entry `e` that holds when its record serves the objective `:objective`.
   * Without it, a record serves the objectives of its partner (`e.partner_id`).
   */
  objectiveCondition?: string;
};

function toEntry(kind: SearchKind, document: SearchDocument) {
  return {
    kind,
    recordId: document.recordId,
    title: document.title.slice(0, 300),
    body: document.body,
    namesFolded: foldText(document.names.join(' ')).slice(0, 1000),
    bodyFolded: document.body ? foldText(document.body) : null,
    partnerId: document.partnerId,
    partnerKind: document.partnerKind,
    country: document.country,
    occurredAt: document.occurredAt,
  };
}

/**
 * Brings the index in step with these records, in the transaction of the change that touched them:
 * present records are (re)indexed, deleted ones leave the index.
 */
export async function reindex(transaction: Transaction | null, kind: SearchKind, ids: number[]) {
  if (ids.length === 0) return;
  const documents = await searchSources[kind].documents(ids, transaction);
  const present = new Set(documents.map((document) => document.recordId));
  const gone = ids.filter((id) => !present.has(id));
  if (gone.length > 0) await SearchEntry.destroy({ where: { kind, recordId: gone }, transaction });
  for (const document of documents) {
    const values = toEntry(kind, document);
    // Not "update, and create when nothing was updated": MySQL counts only the rows it changed, so an
    // unchanged document would be created a second time.
    const exists = await SearchEntry.count({ where: { kind, recordId: document.recordId }, transaction });
    if (exists > 0) await SearchEntry.update(values, { where: { kind, recordId: document.recordId }, transaction });
    else await SearchEntry.create(values, { transaction });
  }
}

/**
 * `reindex` for many records at once (erasures, the updates of an import): their entries are deleted and
 * written again in multi-row statements, 500 records at a time, in the caller's transaction.
 */
export async function reindexMany(transaction: Transaction | null, kind: SearchKind, ids: number[]) {
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const documents = await searchSources[kind].documents(chunk, transaction);
    await SearchEntry.destroy({ where: { kind, recordId: chunk }, transaction });
    await writeEntries(transaction, kind, documents);
  }
}

/**
 * Indexes records the caller has just created, in its transaction, from the documents it built from the
 * rows in hand: nothing to read back, no entry to replace.
 */
export async function indexCreated(transaction: Transaction, kind: SearchKind, documents: SearchDocument[]) {
  for (let start = 0; start < documents.length; start += 500) await writeEntries(transaction, kind, documents.slice(start, start + 500));
}

async function writeEntries(transaction: Transaction | null, kind: SearchKind, documents: SearchDocument[]) {
  if (documents.length === 0) return;
  const entries = documents.map((document) => toEntry(kind, document));
  if (!transaction) {
    await SearchEntry.bulkCreate(entries);
    return;
  }
  await insertRows(
    'search_entries',
    ['kind', 'record_id', 'title', 'body', 'names_folded', 'body_folded', 'partner_id', 'partner_kind', 'country', 'occurred_at'],
    entries.map((entry) => [entry.kind, entry.recordId, entry.title, entry.body, entry.namesFolded, entry.bodyFolded, entry.partnerId, entry.partnerKind, entry.country, entry.occurredAt]),
    transaction,
  );
}

/** Rebuilds the index of every kind (or some) from the tables, in batches; returns the entries per kind. */
export async function rebuildSearchIndex(kinds: readonly SearchKind[] = Object.keys(searchSources) as SearchKind[], batchSize = 2_000) {
  const counts: Record<string, number> = {};
  for (const kind of kinds) {
    const source = searchSources[kind];
    let afterId = 0;
    let count = 0;
    for (;;) {
      const ids = await source.nextIds(afterId, batchSize);
      if (ids.length === 0) break;
      const documents = await source.documents(ids, null);
      const sequelize = SearchEntry.sequelize!;
      await sequelize.transaction(async (transaction) => {
        await SearchEntry.destroy({ where: { kind, recordId: { [Op.gte]: ids[0]!, [Op.lte]: ids.at(-1)! } }, transaction });
        await SearchEntry.bulkCreate(documents.map((document) => toEntry(kind, document)), { transaction });
      });
      // Entries of records deleted between two batches' ranges.
      await SearchEntry.destroy({ where: { kind, recordId: { [Op.gt]: afterId, [Op.lt]: ids[0]! } } });
      afterId = ids.at(-1)!;
      count += documents.length;
    }
    await SearchEntry.destroy({ where: { kind, recordId: { [Op.gt]: afterId } } });
    counts[kind] = count;
  }
  return counts;
}

/**
 * Builds the index when it is empty while there are records to find: on the first start (the seeded
 * reference data), or after the index tables were created on an existing database.
 */
export async function ensureSearchIndex() {
  if ((await SearchEntry.count()) > 0) return false;
  for (const source of Object.values(searchSources)) {
    if ((await source.nextIds(0, 1)).length > 0) {
      await rebuildSearchIndex();
      return true;
    }
  }
  return false;
}
