// A realistic data set, generated deterministically (same seed, same rows) and loaded straight into the
// configured database through the app's own models, then indexed by the app's own search rebuild.
// French, German and English names and notes, with as many different words as real ones (vocabulary.ts).
// Sizes scale with BENCH_SCALE (1 = 5 000 partners,
// 50 000 contacts, 1 000 000 interactions).
import type { Sequelize } from 'sequelize';
import { foldText } from '../backend/src/common/text';
import { Affiliation, Contact, ContactEmail, contactSortName } from '../backend/src/contacts/contact.model';
import { partnerSearchText } from '../backend/src/partners/partner-text';
import { Partner, PartnerObjective } from '../backend/src/partners/partner.model';
import type { PartnerKind } from '../backend/src/partners/partners.schema';
import { rebuildSearchIndex } from '../backend/src/search/search-index';
import { Objective } from '../backend/src/objectives/objective.model';
import { loadInteractions } from './dataset-interactions';
import { firstNames, jobTitles, lastNames, madeUpTowns, partnerDescription, partnerPatterns, realTowns } from './vocabulary';

export type DatasetSize = { partners: number; contacts: number; interactions: number };

export function datasetSize(scale: number): DatasetSize {
  return { partners: Math.round(5_000 * scale), contacts: Math.round(50_000 * scale), interactions: Math.round(1_000_000 * scale) };
}

/** mulberry32: a small, fast, seeded generator; the data set is the same on every run. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!,
  };
}
export type Random = ReturnType<typeof random>;

const kinds: readonly PartnerKind[] = ['network', 'twin_town', 'partner_town', 'association', 'university', 'school', 'institution', 'label'];
const countries = ['FR', 'DE', 'GB', 'UA', 'MG', 'AM', 'MM', 'BF', 'IT', 'ES'];

const batch = 1_000;

async function inBatches<T>(count: number, make: (index: number) => T, write: (rows: T[]) => Promise<unknown>) {
  for (let start = 0; start < count; start += batch) {
    const rows: T[] = [];
    for (let index = start; index < Math.min(count, start + batch); index += 1) rows.push(make(index));
    await write(rows);
  }
}

/** Loads the data set unless it is already there (same size); returns what the database then holds. */
export async function loadDataset(sequelize: Sequelize, size: DatasetSize, log: (line: string) => void) {
  const generated = await Partner.count({ where: { seedKey: null, isExample: false } });
  if (generated >= size.partners) {
    log(`data set already loaded (${generated} generated partners)`);
    return;
  }
  const rng = random(20261128);
  const madeUp = madeUpTowns(rng);
  // Text mentions the real places about as often as any one made-up town, a little more.
  const towns = [...madeUp, ...realTowns, ...realTowns, ...realTowns];
  const names = new Set<string>();
  const partnerTowns: string[] = [];
  const objectives = (await Objective.findAll({ attributes: ['id'] })).map((objective) => objective.id);
  const started = Date.now();

  const partnerIds: number[] = [];
  await inBatches(
    size.partners,
    (index) => {
      const town = rng.next() < 0.02 ? rng.pick(realTowns) : rng.pick(madeUp);
      let name = rng.pick(partnerPatterns).replace('{town}', town);
      if (names.has(name)) name = `${name} (${index + 1})`;
      names.add(name);
      partnerTowns.push(town);
      return {
        name,
        sortName: foldText(name),
        kind: rng.pick(kinds),
        country: rng.pick(countries),
        city: town,
        website: null,
        description: partnerDescription(rng, towns),
        status: 'active' as const,
        ownerUserId: null,
        charterSignedOn: null,
        labelObtainedOn: null,
        labelRenewalDueOn: null,
        publicActivities: null,
        publicNeeds: null,
        publicEmail: null,
        publicPhone: null,
        seedKey: null,
        localNames: {},
        searchText: partnerSearchText(name, {}, town),
        deletedAt: null,
      };
    },
    async (rows) => {
      const created = await Partner.bulkCreate(rows, { validate: false, hooks: false });
      partnerIds.push(...created.map((partner) => partner.id));
    },
  );
  await inBatches(
    size.partners,
    (index) => ({ partnerId: partnerIds[index]!, objectiveId: objectives[index % objectives.length]! }),
    (rows) => PartnerObjective.bulkCreate(rows, { validate: false, hooks: false }),
  );
  log(`${size.partners} partners in ${seconds(started)} s`);

  const contactsStarted = Date.now();
  const contactIds: number[] = [];
  const contactPartner: number[] = [];
  await inBatches(
    size.contacts,
    (index) => {
      const firstName = rng.pick(firstNames);
      const lastName = rng.pick(lastNames);
      const email = `${foldText(firstName)}.${foldText(lastName)}.${index}@example.org`.replaceAll(' ', '-');
      const jobTitle = rng.pick(jobTitles);
      contactPartner.push(partnerIds[rng.int(partnerIds.length)]!);
      return {
        firstName,
        lastName,
        sortName: contactSortName(firstName, lastName),
        searchText: [firstName, lastName, jobTitle, email].map(foldText).join(' | '),
        jobTitle,
        country: rng.pick(countries),
        emails: [email],
        phones: [],
        languages: [rng.pick(['fr', 'de', 'en'])],
        notes: null,
        legalBasis: 'public_task' as const,
        consentOn: null,
        consentSource: null,
        deletedAt: null,
      };
    },
    async (rows) => {
      const created = await Contact.bulkCreate(rows as never[], { validate: false, hooks: false });
      contactIds.push(...created.map((contact) => contact.id));
      await ContactEmail.bulkCreate(
        created.map((contact) => ({ contactId: contact.id, email: contact.emails[0]! })),
        { validate: false, hooks: false },
      );
    },
  );
  await inBatches(
    size.contacts,
    (index) => ({ contactId: contactIds[index]!, partnerId: contactPartner[index]!, role: null, startedOn: null, endedOn: null }),
    (rows) => Affiliation.bulkCreate(rows, { validate: false, hooks: false }),
  );
  log(`${size.contacts} contacts in ${seconds(contactsStarted)} s`);

  const interactionsStarted = Date.now();
  await loadInteractions({ rng, count: size.interactions, partnerIds, partnerTowns, contactIds, contactPartner, objectives, towns, inBatches });
  log(`${size.interactions} interactions in ${seconds(interactionsStarted)} s`);

  const indexStarted = Date.now();
  // InnoDB builds a FULLTEXT index over a filled table far faster than it maintains one row by row: on
  // MySQL/MariaDB the index of the migrations is dropped while the entries are written, then built again
  // as the migration builds it (no stopword list). ALGORITHM=COPY: re-added in place, on a table that had
  // FULLTEXT indexes before, MariaDB 10.11 built indexes that found nothing.
  const mysql = sequelize.getDialect() !== 'sqlite';
  if (mysql) await sequelize.query('ALTER TABLE search_entries DROP INDEX search_entries_text');
  const counts = await rebuildSearchIndex();
  log(`search entries written in ${seconds(indexStarted)} s: ${JSON.stringify(counts)}`);
  if (mysql) {
    const fullTextStarted = Date.now();
    // The stopword setting is per connection: a transaction keeps the statements on one.
    await sequelize.transaction(async (transaction) => {
      await sequelize.query(`SET SESSION innodb_ft_user_stopword_table = CONCAT(DATABASE(), '/search_no_stopwords')`, { transaction });
      await sequelize.query(
        'ALTER TABLE search_entries ADD FULLTEXT INDEX search_entries_text (names_folded, body_folded), ALGORITHM=COPY',
        { transaction },
      );
      await sequelize.query('SET SESSION innodb_ft_user_stopword_table = NULL', { transaction });
    });
    log(`FULLTEXT index built in ${seconds(fullTextStarted)} s`);
  }
}

function seconds(since: number) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

export type InteractionLoad = {
  rng: Random;
  count: number;
  partnerIds: number[];
  contactIds: number[];
  contactPartner: number[];
  objectives: number[];
  /** Each partner's town, by position in partnerIds. */
  partnerTowns: string[];
  towns: string[];
  inBatches: typeof inBatches;
};
