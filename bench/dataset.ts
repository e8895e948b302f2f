// A realistic data set, generated deterministically (same seed, same rows) and loaded straight into the
// configured database through the app's own models, then indexed by the app's own search rebuild.
// French, German and English names and notes. Sizes scale with BENCH_SCALE (1 = 5 000 partners,
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

export const words = {
  firstNames: ['Marie', 'Jean', 'Sophie', 'Luc', 'Camille', 'Élodie', 'François', 'Hélène', 'Jürgen', 'Günther', 'Lena', 'Matthias', 'Ursula', 'Jörg', 'Oliver', 'Emily', 'George', 'Charlotte', 'Harry', 'Olena', 'Taras', 'Anahit', 'Aung', 'Fanja', 'Ousmane'],
  lastNames: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Girard', 'Müller', 'Schmidt', 'Schäfer', 'Weiß', 'Köhler', 'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Kovalenko', 'Shevchenko', 'Petrosyan', 'Rakoto', 'Ouédraogo', 'Thein', 'Fontaine', 'Garnier', 'Hoffmann', 'Wright'],
  towns: ['Brühl', 'Leamington Spa', 'Zelenodolsk', 'Köln', 'Bonn', 'Warwick', 'Coventry', 'Antony', 'Bourg-la-Reine', 'Fontenay-aux-Roses', 'Erftstadt', 'Kenilworth', 'Lviv', 'Antananarivo', 'Erevan', 'Ouagadougou', 'Mandalay', 'Düsseldorf', 'Stratford', 'Châtenay-Malabry'],
  partnerPatterns: [
    'Comité de jumelage de {town}',
    'Association franco-allemande de {town}',
    'Städtepartnerschaftsverein {town}',
    '{town} Twinning Association',
    'Université de {town}',
    'Lycée européen de {town}',
    'Solidarité {town}',
    'Freundeskreis {town}',
    'Maison de l’Europe de {town}',
    '{town} Town Council',
  ],
  kinds: ['network', 'twin_town', 'partner_town', 'association', 'university', 'school', 'institution', 'label'] as readonly PartnerKind[],
  countries: ['FR', 'DE', 'GB', 'UA', 'MG', 'AM', 'MM', 'BF', 'IT', 'ES'],
  jobTitles: ['Présidente', 'Trésorier', 'Bürgermeister', 'Leiterin Städtepartnerschaften', 'Mayor', 'Twinning officer', 'Chargée de mission Europe', 'Professeur d’allemand', 'Directeur', 'Secretary'],
  subjects: [
    'Réunion du comité de jumelage',
    'Préparation de la visite de la délégation',
    'Échange scolaire d’été',
    'Appel à projets Projeunes',
    'Candidature au label ELoGE',
    'Treffen zur Städtepartnerschaft',
    'Vorbereitung des Jugendaustauschs',
    'Twinning anniversary planning',
    'Call about the student exchange',
    'Collecte solidaire pour l’Ukraine',
    'Point U-LEAD avec Zelenodolsk',
    'Conférence EUGLOH sur la santé',
  ],
  notes: [
    'Nous avons convenu d’un calendrier pour le printemps et d’un budget prévisionnel.',
    'Les élèves seront accueillis dans les familles pendant une semaine.',
    'Die Delegation kommt im Mai; das Programm wird noch abgestimmt.',
    'Der Verein sucht Gastfamilien für den Austausch im Herbst.',
    'They asked for a letter of support for the European funding application.',
    'Follow up with the school about the exchange dates and the insurance.',
    'Envoyer le compte rendu au cabinet du maire et aux associations.',
    'Relancer pour la signature de la charte de jumelage.',
    'Besoin de traducteurs bénévoles pour la cérémonie.',
    'Discussion on the Erasmus+ partnership and the mobility grants.',
  ],
};

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
  const objectives = (await Objective.findAll({ attributes: ['id'] })).map((objective) => objective.id);
  const started = Date.now();

  const partnerIds: number[] = [];
  await inBatches(
    size.partners,
    (index) => {
      const town = rng.pick(words.towns);
      const name = `${rng.pick(words.partnerPatterns).replace('{town}', town)} ${index + 1}`;
      return {
        name,
        sortName: foldText(name),
        kind: rng.pick(words.kinds),
        country: rng.pick(words.countries),
        city: town,
        website: null,
        description: rng.pick(words.notes),
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
      const firstName = rng.pick(words.firstNames);
      const lastName = rng.pick(words.lastNames);
      const email = `${foldText(firstName)}.${foldText(lastName)}.${index}@example.org`.replaceAll(' ', '-');
      const jobTitle = rng.pick(words.jobTitles);
      contactPartner.push(partnerIds[rng.int(partnerIds.length)]!);
      return {
        firstName,
        lastName,
        sortName: contactSortName(firstName, lastName),
        searchText: [firstName, lastName, jobTitle, email].map(foldText).join(' | '),
        jobTitle,
        country: rng.pick(words.countries),
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
  await loadInteractions({ rng, count: size.interactions, partnerIds, contactIds, contactPartner, objectives, words, inBatches });
  log(`${size.interactions} interactions in ${seconds(interactionsStarted)} s`);

  const indexStarted = Date.now();
  const counts = await rebuildSearchIndex();
  log(`search index rebuilt in ${seconds(indexStarted)} s: ${JSON.stringify(counts)}`);
  void sequelize;
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
  words: typeof words;
  inBatches: typeof inBatches;
};
