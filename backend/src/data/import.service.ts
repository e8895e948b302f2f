import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { AuditEvent } from '../audit/audit-event.model';
import { changedFields, recordAudit } from '../audit/audit.service';
import { foldText } from '../common/text';
import { Affiliation, Contact, ContactEmail, ContactLanguage, contactSearchText, contactSortName } from '../contacts/contact.model';
import { ContactCreate, type ContactCreateData, type LegalBasis } from '../contacts/contacts.schema';
import { problems } from '../http/problem';
import { Partner, PartnerTag } from '../partners/partner.model';
import { partnerDocument } from '../partners/partner.search';
import { PartnerCreate, PartnerUpdate, type PartnerCreateData } from '../partners/partners.schema';
import { indexCreated, reindexMany } from '../search/search-index';
import type { ColumnMapping, ImportAnalysis, ImportCounts, ImportForm, ImportKind, ImportPlan, ImportRowPlan } from './data.schema';
import { countryFrom, isoDateFrom, kindFrom, legalBasisFrom, statusFrom } from './labels';
import { insertRows, withPreparedInserts } from '../db/bulk-insert';
import type { Table } from './tabular-file';

type Actor = { id: number };

type FieldDefinition = { key: string; label: string; required: boolean; hint: string | null; aliases: string[] };

const partnerFields: FieldDefinition[] = [
  { key: 'name', label: 'Nom', required: true, hint: 'avec le pays, reconnaît un partenaire connu', aliases: ['nom', 'name', 'raison sociale', 'organisation', 'organization', 'partenaire', 'partner', 'denomination', 'nom du partenaire'] },
  { key: 'kind', label: 'Type', required: true, hint: 'Réseau, Ville jumelle, Université…', aliases: ['type', 'kind', 'categorie', 'category', 'nature', 'type de partenaire'] },
  { key: 'country', label: 'Pays', required: false, hint: 'nom ou code ISO (Allemagne, DE)', aliases: ['pays', 'country', 'code pays', 'country code'] },
  { key: 'city', label: 'Ville', required: false, hint: null, aliases: ['ville', 'city', 'commune', 'localite', 'town'] },
  { key: 'status', label: 'Statut', required: false, hint: 'En projet, Actif, En sommeil, Ancien', aliases: ['statut', 'status', 'etat', 'state'] },
  { key: 'website', label: 'Site web', required: false, hint: null, aliases: ['site web', 'site', 'website', 'url', 'site internet', 'web'] },
  { key: 'description', label: 'Description', required: false, hint: null, aliases: ['description', 'presentation', 'notes', 'commentaire'] },
  { key: 'tags', label: 'Mots-clés', required: false, hint: 'séparés par des virgules', aliases: ['mots cles', 'mot cle', 'tags', 'tag', 'etiquettes', 'keywords'] },
  { key: 'publicEmail', label: 'E-mail', required: false, hint: null, aliases: ['e mail', 'email', 'courriel', 'mail', 'adresse e mail', 'adresse electronique'] },
  { key: 'publicPhone', label: 'Téléphone', required: false, hint: null, aliases: ['telephone', 'phone', 'tel', 'numero de telephone'] },
];

const contactFields: FieldDefinition[] = [
  { key: 'firstName', label: 'Prénom', required: false, hint: null, aliases: ['prenom', 'first name', 'firstname', 'given name', 'forename'] },
  { key: 'lastName', label: 'Nom', required: true, hint: null, aliases: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name', 'name'] },
  { key: 'emails', label: 'E-mail', required: false, hint: 'reconnaît un contact connu', aliases: ['e mail', 'email', 'courriel', 'mail', 'emails', 'adresse e mail', 'adresse electronique', 'e mail address'] },
  { key: 'phones', label: 'Téléphone', required: false, hint: null, aliases: ['telephone', 'phone', 'tel', 'mobile', 'portable', 'telephones', 'phone number'] },
  { key: 'jobTitle', label: 'Fonction', required: false, hint: null, aliases: ['fonction', 'poste', 'titre', 'job title', 'title', 'position', 'job'] },
  { key: 'country', label: 'Pays', required: false, hint: 'nom ou code ISO', aliases: ['pays', 'country'] },
  { key: 'languages', label: 'Langues', required: false, hint: 'codes séparés par des virgules (fr, de)', aliases: ['langues', 'langue', 'languages', 'language'] },
  { key: 'legalBasis', label: 'Base légale', required: false, hint: 'sinon celle choisie pour tout le fichier', aliases: ['base legale', 'legal basis', 'base juridique', 'fondement'] },
  { key: 'consentOn', label: 'Date du consentement', required: false, hint: 'JJ/MM/AAAA', aliases: ['date du consentement', 'date consentement', 'consent date', 'consenti le'] },
  { key: 'consentSource', label: 'Source du consentement', required: false, hint: null, aliases: ['source du consentement', 'consent source', 'recueil du consentement'] },
  { key: 'partner', label: 'Partenaire', required: false, hint: 'nom d’un partenaire déjà enregistré', aliases: ['partenaire', 'organisation', 'organization', 'structure', 'partner', 'company', 'entreprise', 'organisme'] },
  { key: 'role', label: 'Rôle chez le partenaire', required: false, hint: null, aliases: ['role', 'role chez le partenaire', 'role at partner', 'qualite'] },
];

export function fieldsOf(kind: ImportKind) {
  return kind === 'partners' ? partnerFields : contactFields;
}

/** Each field to the column whose header names it (French or English), exact names before partial ones. */
export function guessMapping(kind: ImportKind, headers: string[]): ColumnMapping {
  const folded = headers.map(foldText);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  const fields = fieldsOf(kind);
  for (const field of fields) {
    const index = folded.findIndex((header, position) => !used.has(position) && field.aliases.includes(header));
    if (index >= 0) {
      mapping[field.key] = index;
      used.add(index);
    }
  }
  for (const field of fields) {
    if (mapping[field.key] !== undefined) continue;
    const index = folded.findIndex((header, position) => !used.has(position) && field.aliases.some((alias) => alias.length >= 4 && ` ${header} `.includes(` ${alias} `)));
    if (index >= 0) {
      mapping[field.key] = index;
      used.add(index);
    }
  }
  for (const field of fields) mapping[field.key] ??= null;
  return mapping;
}

export function analyseTable(kind: ImportKind, table: Table): ImportAnalysis {
  return {
    kind,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    columns: table.headers,
    sample: table.rows.slice(0, 5).map((row) => row.cells),
    rowCount: table.rows.length,
    fields: fieldsOf(kind).map(({ key, label, required, hint }) => ({ key, label, required, hint })),
    mapping: guessMapping(kind, table.headers),
  };
}

function checkMapping(kind: ImportKind, table: Table, mapping: ColumnMapping) {
  const known = new Set(fieldsOf(kind).map((field) => field.key));
  const errors = Object.entries(mapping)
    .filter(([key, column]) => !known.has(key) || (column !== null && column >= table.headers.length))
    .map(([key]) => ({ path: `mapping.${key}`, message: known.has(key) ? 'Cette colonne n’existe pas dans le fichier.' : 'Champ inconnu.' }));
  const required = fieldsOf(kind).find((field) => field.key === (kind === 'partners' ? 'name' : 'lastName'))!;
  if (mapping[required.key] === null || mapping[required.key] === undefined) {
    errors.push({ path: `mapping.${required.key}`, message: `Choisissez la colonne « ${required.label} ».` });
  }
  if (errors.length) throw problems.invalid(errors, 'La correspondance des colonnes est incomplète.');
}

function reader(mapping: ColumnMapping, cells: string[]) {
  return (key: string) => {
    const column = mapping[key];
    return column === null || column === undefined ? '' : (cells[column] ?? '').trim();
  };
}

const listOf = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

function zodReasons(error: z.ZodError, fields: FieldDefinition[]) {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const label = fields.find((field) => field.key === key)?.label ?? (key === 'affiliations' ? 'Partenaire' : key);
    return `${label} : ${issue.message}`;
  });
}

// ---------------------------------------------------------------- partners

type PartnerWork = {
  plans: ImportRowPlan[];
  creates: { line: number; data: PartnerCreateData; folded: string }[];
  updates: { line: number; id: number; data: Partial<PartnerCreateData> }[];
};

async function planPartners(table: Table, mapping: ColumnMapping, transaction?: Transaction): Promise<PartnerWork> {
  const existing = new Map<string, number[]>();
  for (const row of await Partner.findAll({ attributes: ['id', 'sortName', 'country'], transaction, raw: true })) {
    const key = `${row.sortName}|${row.country ?? ''}`;
    existing.set(key, [...(existing.get(key) ?? []), row.id]);
  }
  const seen = new Map<string, number>();
  const work: PartnerWork = { plans: [], creates: [], updates: [] };
  for (const { line, cells } of table.rows) {
    const cell = reader(mapping, cells);
    const reasons: string[] = [];
    const name = cell('name');
    const input: Record<string, unknown> = { name };
    const kindText = cell('kind');
    if (kindText) {
      const kind = kindFrom(kindText);
      if (kind) input['kind'] = kind;
      else reasons.push(`Type : « ${kindText} » inconnu (Réseau, Ville jumelle, Ville partenaire, Université, Association…).`);
    }
    const countryText = cell('country');
    let country: string | null = null;
    if (countryText) {
      country = countryFrom(countryText);
      if (country) input['country'] = country;
      else reasons.push(`Pays : « ${countryText} » inconnu (nom en français ou en anglais, ou code ISO à deux lettres).`);
    }
    const statusText = cell('status');
    if (statusText) {
      const status = statusFrom(statusText);
      if (status) input['status'] = status;
      else reasons.push(`Statut : « ${statusText} » inconnu (En projet, Actif, En sommeil, Ancien).`);
    }
    for (const key of ['city', 'website', 'description', 'publicEmail', 'publicPhone']) {
      const value = cell(key);
      if (value) input[key] = value;
    }
    const tagsText = cell('tags');
    if (tagsText) input['tags'] = listOf(tagsText);

    const plan: ImportRowPlan = { line, action: 'refuse', label: name || '(sans nom)', targetId: null, reasons };
    work.plans.push(plan);
    if (!name) reasons.push('Nom : le nom est vide.');
    const folded = foldText(name);
    const key = `${folded}|${country ?? ''}`;
    if (name && seen.has(key)) reasons.push(`Ce partenaire figure déjà ligne ${seen.get(key)} du fichier.`);
    if (name) seen.set(key, seen.get(key) ?? line);
    const matches = name ? (existing.get(key) ?? []) : [];
    if (matches.length > 1) reasons.push('Plusieurs partenaires de ce pays portent ce nom : fusionnez-les avant d’importer.');
    if (reasons.length) continue;
    if (matches.length === 1) {
      const parsed = PartnerUpdate.omit({ version: true }).safeParse(input);
      if (!parsed.success) {
        reasons.push(...zodReasons(parsed.error, partnerFields));
        continue;
      }
      Object.assign(plan, { action: 'update', targetId: matches[0]! });
      work.updates.push({ line, id: matches[0]!, data: parsed.data as Partial<PartnerCreateData> });
    } else {
      if (!input['kind']) {
        reasons.push('Type : obligatoire pour un nouveau partenaire.');
        continue;
      }
      const parsed = PartnerCreate.safeParse(input);
      if (!parsed.success) {
        reasons.push(...zodReasons(parsed.error, partnerFields));
        continue;
      }
      plan.action = 'create';
      work.creates.push({ line, data: parsed.data, folded });
    }
  }
  return work;
}

function partnerSnapshot(data: PartnerCreateData) {
  return {
    name: data.name,
    kind: data.kind,
    country: data.country ?? null,
    city: data.city ?? null,
    website: data.website ?? null,
    description: data.description ?? null,
    status: data.status ?? 'active',
    tags: data.tags ?? [],
    publicEmail: data.publicEmail ?? null,
    publicPhone: data.publicPhone ?? null,
  };
}

const chunkSize = 500;

const partnerColumns = ['name', 'sort_name', 'search_text', 'local_names', 'kind', 'country', 'city', 'website', 'description', 'status', 'public_email', 'public_phone', 'is_example', 'version', 'created_at', 'updated_at'];
const auditColumns = ['occurred_at', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'before', 'after'];

/**
 * Writes the new partners 500 at a time: the partners (their ids come back), then their tags, their
 * audit events and their search entries. The database and this process work side by side: while the
 * database writes a chunk's tags, audit events and search entries, the next chunk's rows are made ready
 * here, and while it writes that chunk's partners, their audit events and search documents are. Every
 * statement still runs in the import's transaction, one chunk at a time, and all have completed (or
 * failed) before this returns, so the transaction never commits or rolls back with a write in flight.
 */
async function writeNewPartners(creates: PartnerWork['creates'], actor: Actor, transaction: Transaction, progress: (done: number) => void) {
  const foldedCities = new Map<string, string>();
  const foldedCity = (city: string) => {
    let folded = foldedCities.get(city);
    if (folded === undefined) {
      folded = foldText(city);
      if (foldedCities.size < 10_000) foldedCities.set(city, folded);
    }
    return folded;
  };
  // SQLite: the INSERTs of every chunk (these and the search entries') are prepared once.
  return withPreparedInserts(transaction, async () => {
    let done = 0;
    let writing: Promise<PromiseSettledResult<unknown>[]> | null = null;
    let writingCount = 0;
    const settle = async () => {
      if (!writing) return;
      const results = await writing;
      writing = null;
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      done += writingCount;
      progress(done);
    };
    try {
      for (let start = 0; start < creates.length; start += chunkSize) {
        const chunk = creates.slice(start, start + chunkSize);
        const now = new Date();
        const partners = chunk.map(({ data }) => ({
          name: data.name,
          localNames: {},
          kind: data.kind,
          country: data.country ?? null,
          city: data.city ?? null,
          website: data.website ?? null,
          description: data.description ?? null,
          status: data.status ?? 'active',
          publicEmail: data.publicEmail ?? null,
          publicPhone: data.publicPhone ?? null,
          publicActivities: null,
          publicNeeds: null,
          id: 0, // not known before the INSERT: see the documents below
        }));
        // Plain multi-row INSERTs: the model's hooks do not run, so the folded columns are computed here
        // as the hooks would.
        const rows = partners.map((partner, index) => [
          partner.name,
          chunk[index]!.folded,
          // partnerSearchText of a partner without local names, from the name folded once.
          [chunk[index]!.folded, partner.city ? foldedCity(partner.city) : ''].filter(Boolean).join(' | ').slice(0, 2000),
          '{}',
          partner.kind,
          partner.country,
          partner.city,
          partner.website,
          partner.description,
          partner.status,
          partner.publicEmail,
          partner.publicPhone,
          false,
          0,
          now,
          now,
        ]);
        // The previous chunk is written (and counted) before this one starts: a failure stops at a chunk's edge.
        await settle();
        const inserting = insertRows('partners', partnerColumns, rows, transaction);
        inserting.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
        // Made ready while the database writes the partners.
        const tagLists = chunk.map(({ data }) => uniqueTags(data.tags ?? []));
        const snapshots = chunk.map(({ data }, index) => JSON.stringify({ ...partnerSnapshot(data), tags: tagLists[index] }));
        const documents = partners.map((partner, index) => partnerDocument(partner, tagLists[index]!));
        const ids = await inserting;
        // The documents were built before the ids were known: the partner's id is both the record and the partner.
        for (const [index, document] of documents.entries()) document.recordId = document.partnerId = ids[index]!;
        writing = Promise.allSettled([
          insertRows('partner_tags', ['partner_id', 'tag'], tagLists.flatMap((tags, index) => tags.map((tag): [number, string] => [ids[index]!, tag])), transaction),
          insertRows('audit_events', auditColumns, snapshots.map((after, index) => [now, actor.id, 'create', 'partner', ids[index]!, null, after]), transaction),
          indexCreated(transaction, 'partner', documents),
        ]);
        writingCount = chunk.length;
      }
      await settle();
    } catch (error) {
      // Nothing may still be running in the transaction when it rolls back.
      await writing;
      throw error;
    }
    return done;
  });
}

async function writePartners(work: PartnerWork, actor: Actor, transaction: Transaction, progress: (done: number) => void) {
  let done = await writeNewPartners(work.creates, actor, transaction, progress);
  const updated: number[] = [];
  for (const { id, data } of work.updates) {
    const partner = await Partner.findByPk(id, { transaction });
    if (!partner) continue;
    const tagsBefore = (await PartnerTag.findAll({ where: { partnerId: id }, transaction })).map((row) => row.tag);
    const before: Record<string, unknown> = { ...partnerSnapshot({ ...partner.get(), tags: tagsBefore } as PartnerCreateData) };
    const { tags, objectiveIds: _objectiveIds, confirmDuplicate: _confirm, ...columns } = data as PartnerCreateData;
    partner.set(columns as Partial<Partner>);
    if (tags) {
      await PartnerTag.destroy({ where: { partnerId: id }, transaction });
      const unique = uniqueTags(tags);
      if (unique.length) await PartnerTag.bulkCreate(unique.map((tag) => ({ partnerId: id, tag })), { transaction });
    }
    const after = partnerSnapshot({ ...partner.get(), tags: tags ? uniqueTags(tags) : tagsBefore } as PartnerCreateData);
    const diff = changedFields(before, after);
    if (diff.changed) {
      partner.changed('updatedAt', true);
      await partner.save({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'partner', entityId: id, before: diff.before, after: diff.after });
      updated.push(id);
    }
    done += 1;
    if (done % 200 === 0) progress(done);
  }
  await reindexMany(transaction, 'partner', updated);
  progress(done);
}

function uniqueTags(tags: string[]) {
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

// ---------------------------------------------------------------- contacts

type ContactWork = {
  plans: ImportRowPlan[];
  creates: { line: number; data: ContactCreateData }[];
  updates: { line: number; id: number; data: Partial<ContactCreateData> }[];
};

async function planContacts(table: Table, mapping: ColumnMapping, defaultLegalBasis: LegalBasis | undefined, transaction?: Transaction): Promise<ContactWork> {
  const read = table.rows.map(({ line, cells }) => ({ line, cell: reader(mapping, cells) }));
  const fileEmails = [...new Set(read.flatMap(({ cell }) => listOf(cell('emails')).map((email) => email.toLowerCase())))];
  const contactOfEmail = new Map<string, number>();
  for (let start = 0; start < fileEmails.length; start += 500) {
    const rows = await ContactEmail.findAll({ where: { email: fileEmails.slice(start, start + 500) }, transaction, raw: true });
    // Addresses of contacts in the trash do not count: those people are not "known" any more.
    const live = new Set(
      (await Contact.findAll({ where: { id: [...new Set(rows.map((row) => row.contactId))] }, attributes: ['id'], transaction, raw: true })).map((row) => row.id),
    );
    for (const row of rows) if (live.has(row.contactId)) contactOfEmail.set(row.email, row.contactId);
  }
  const partnerNames = [...new Set(read.map(({ cell }) => foldText(cell('partner'))).filter(Boolean))];
  const partnersByName = new Map<string, number[]>();
  for (let start = 0; start < partnerNames.length; start += 500) {
    const rows = await Partner.findAll({ where: { sortName: partnerNames.slice(start, start + 500) }, attributes: ['id', 'sortName'], transaction, raw: true });
    for (const row of rows) partnersByName.set(row.sortName, [...(partnersByName.get(row.sortName) ?? []), row.id]);
  }

  const seenEmails = new Map<string, number>();
  const work: ContactWork = { plans: [], creates: [], updates: [] };
  for (const { line, cell } of read) {
    const reasons: string[] = [];
    const input: Record<string, unknown> = { lastName: cell('lastName') };
    for (const key of ['firstName', 'jobTitle', 'consentSource']) if (cell(key)) input[key] = cell(key);
    const emails = listOf(cell('emails'));
    if (emails.length) input['emails'] = emails;
    if (cell('phones')) input['phones'] = listOf(cell('phones'));
    if (cell('languages')) input['languages'] = listOf(cell('languages'));
    if (cell('country')) {
      const country = countryFrom(cell('country'));
      if (country) input['country'] = country;
      else reasons.push(`Pays : « ${cell('country')} » inconnu (nom en français ou en anglais, ou code ISO à deux lettres).`);
    }
    if (cell('legalBasis')) {
      const basis = legalBasisFrom(cell('legalBasis'));
      if (basis) input['legalBasis'] = basis;
      else reasons.push(`Base légale : « ${cell('legalBasis')} » inconnue (Mission de service public, Intérêt légitime, Consentement).`);
    }
    if (cell('consentOn')) {
      const date = isoDateFrom(cell('consentOn'));
      if (date) input['consentOn'] = date;
      else reasons.push(`Date du consentement : « ${cell('consentOn')} » n’est pas une date (JJ/MM/AAAA).`);
    }
    if (cell('partner')) {
      const matches = partnersByName.get(foldText(cell('partner'))) ?? [];
      if (matches.length === 1) input['affiliations'] = [{ partnerId: matches[0]!, role: cell('role') || null }];
      else if (matches.length === 0) reasons.push(`Partenaire : « ${cell('partner')} » n’est pas enregistré ; importez d’abord les partenaires.`);
      else reasons.push(`Partenaire : plusieurs partenaires s’appellent « ${cell('partner')} ».`);
    }
    const fullName = [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
    const plan: ImportRowPlan = { line, action: 'refuse', label: fullName || emails[0] || '(sans nom)', targetId: null, reasons };
    work.plans.push(plan);
    if (!cell('lastName')) reasons.push('Nom : le nom est vide.');
    const lowered = emails.map((email) => email.toLowerCase());
    const earlier = lowered.map((email) => seenEmails.get(email)).find((value) => value !== undefined);
    if (earlier !== undefined) reasons.push(`Ce contact figure déjà ligne ${earlier} du fichier (même e-mail).`);
    for (const email of lowered) if (!seenEmails.has(email)) seenEmails.set(email, line);
    const matches = [...new Set(lowered.map((email) => contactOfEmail.get(email)).filter((id): id is number => id !== undefined))];
    if (matches.length > 1) reasons.push('Ces adresses appartiennent à plusieurs contacts : fusionnez-les avant d’importer.');
    if (reasons.length) continue;

    if (matches.length === 1) {
      const parsed = ContactCreate.partial().safeParse(input);
      if (!parsed.success) {
        reasons.push(...zodReasons(parsed.error, contactFields));
        continue;
      }
      Object.assign(plan, { action: 'update', targetId: matches[0]! });
      work.updates.push({ line, id: matches[0]!, data: parsed.data });
      continue;
    }
    input['legalBasis'] ??= defaultLegalBasis;
    if (!input['legalBasis']) {
      reasons.push('Base légale : indiquez-la dans le fichier ou choisissez-en une pour tout le fichier.');
      continue;
    }
    const parsed = ContactCreate.safeParse(input);
    if (!parsed.success) {
      reasons.push(...zodReasons(parsed.error, contactFields));
      continue;
    }
    if (parsed.data.legalBasis === 'consent' && (!parsed.data.consentOn || !parsed.data.consentSource)) {
      reasons.push('Consentement : indiquez sa date et comment il a été recueilli.');
      continue;
    }
    plan.action = 'create';
    work.creates.push({ line, data: parsed.data });
  }
  return work;
}

function contactSnapshotOf(values: Record<string, unknown>) {
  const { sortName: _sortName, searchText: _searchText, ...snapshot } = values;
  return snapshot;
}

function uniqueBy<T>(values: T[], key: (value: T) => string = String) {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}

async function writeContacts(work: ContactWork, actor: Actor, transaction: Transaction, progress: (done: number) => void) {
  const partnerIds = [...new Set([...work.creates, ...work.updates].flatMap(({ data }) => (data.affiliations ?? []).map((affiliation) => affiliation.partnerId)))];
  const partnerNames = new Map(
    (partnerIds.length ? await Partner.findAll({ where: { id: partnerIds }, attributes: ['id', 'name'], transaction, raw: true }) : []).map((row) => [row.id, row.name]),
  );
  let done = 0;
  for (let start = 0; start < work.creates.length; start += chunkSize) {
    const chunk = work.creates.slice(start, start + chunkSize);
    const values = chunk.map(({ data }) => ({
      sortName: contactSortName(data.firstName, data.lastName),
      searchText: contactSearchText({ firstName: data.firstName ?? null, lastName: data.lastName, jobTitle: data.jobTitle ?? null, emails: data.emails ?? [] }),
      firstName: data.firstName ?? null,
      lastName: data.lastName,
      jobTitle: data.jobTitle ?? null,
      country: data.country ?? null,
      emails: uniqueBy(data.emails ?? [], (email) => email.toLowerCase()),
      phones: uniqueBy(data.phones ?? []),
      languages: uniqueBy(data.languages ?? []),
      notes: null,
      legalBasis: data.legalBasis,
      consentOn: data.legalBasis === 'consent' ? (data.consentOn ?? null) : null,
      consentSource: data.legalBasis === 'consent' ? (data.consentSource ?? null) : null,
    }));
    const contacts = await Contact.bulkCreate(values, { transaction });
    const emails = contacts.flatMap((contact) => uniqueBy(contact.emails.map((email) => email.toLowerCase())).map((email) => ({ contactId: contact.id, email })));
    if (emails.length) await ContactEmail.bulkCreate(emails, { transaction });
    const languages = contacts.flatMap((contact) => contact.languages.map((language) => ({ contactId: contact.id, language })));
    if (languages.length) await ContactLanguage.bulkCreate(languages, { transaction });
    const affiliations = contacts.flatMap((contact, index) =>
      (chunk[index]!.data.affiliations ?? []).map((affiliation) => ({
        contactId: contact.id,
        partnerId: affiliation.partnerId,
        role: affiliation.role ?? null,
        roleKey: affiliation.role ? foldText(affiliation.role).slice(0, 200) : null,
        startedOn: null,
        endedOn: null,
      })),
    );
    if (affiliations.length) await Affiliation.bulkCreate(affiliations, { transaction });
    const now = new Date();
    await AuditEvent.bulkCreate(
      contacts.map((contact, index) => ({
        occurredAt: now,
        actorUserId: actor.id,
        action: 'create',
        entityType: 'contact',
        entityId: contact.id,
        before: null,
        after: {
          ...contactSnapshotOf(values[index]!),
          affiliations: (chunk[index]!.data.affiliations ?? []).map((affiliation) => ({
            partner: partnerNames.get(affiliation.partnerId) ?? null,
            role: affiliation.role ?? null,
            startedOn: null,
            endedOn: null,
          })),
        },
      })),
      { transaction },
    );
    await reindexMany(transaction, 'contact', contacts.map((contact) => contact.id));
    done += chunk.length;
    progress(done);
  }
  const updated: number[] = [];
  for (const { id, data } of work.updates) {
    const contact = await Contact.findByPk(id, { transaction });
    if (!contact) continue;
    const before = contact.get({ plain: true }) as Record<string, unknown>;
    const { affiliations, confirmDuplicate: _confirm, emails, phones, languages, legalBasis, consentOn, consentSource, ...fields } = data;
    contact.set(fields as Partial<Contact>);
    // Addresses, numbers and languages are added to the ones known, never removed by an import.
    if (emails) contact.emails = uniqueBy([...contact.emails, ...emails], (email) => email.toLowerCase());
    if (phones) contact.phones = uniqueBy([...contact.phones, ...phones]);
    if (languages) contact.languages = uniqueBy([...contact.languages, ...languages]);
    if (legalBasis) {
      contact.legalBasis = legalBasis;
      contact.consentOn = legalBasis === 'consent' ? (consentOn ?? contact.consentOn) : null;
      contact.consentSource = legalBasis === 'consent' ? (consentSource ?? contact.consentSource) : null;
    }
    const newAffiliations: { partner: string | null; role: string | null }[] = [];
    for (const affiliation of affiliations ?? []) {
      const exists = await Affiliation.count({ where: { contactId: id, partnerId: affiliation.partnerId, endedOn: { [Op.is]: null } }, transaction });
      if (exists) continue;
      await Affiliation.create({ contactId: id, partnerId: affiliation.partnerId, role: affiliation.role ?? null, startedOn: null, endedOn: null }, { transaction });
      newAffiliations.push({ partner: partnerNames.get(affiliation.partnerId) ?? null, role: affiliation.role ?? null });
    }
    const fieldsChanged = contact.changed() || [];
    if (fieldsChanged.length || newAffiliations.length) {
      contact.changed('updatedAt', true);
      await contact.save({ transaction });
      await ContactEmail.destroy({ where: { contactId: id }, transaction });
      const lowered = uniqueBy(contact.emails.map((email) => email.toLowerCase()));
      if (lowered.length) await ContactEmail.bulkCreate(lowered.map((email) => ({ contactId: id, email })), { transaction });
      await ContactLanguage.destroy({ where: { contactId: id }, transaction });
      if (contact.languages.length) await ContactLanguage.bulkCreate(contact.languages.map((language) => ({ contactId: id, language })), { transaction });
      const keys = ['firstName', 'lastName', 'jobTitle', 'country', 'emails', 'phones', 'languages', 'legalBasis', 'consentOn', 'consentSource'];
      const diff = changedFields(
        Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
        Object.fromEntries(keys.map((key) => [key, (contact.get({ plain: true }) as Record<string, unknown>)[key] ?? null])),
      );
      await recordAudit(transaction, {
        actorUserId: actor.id,
        action: 'update',
        entityType: 'contact',
        entityId: id,
        before: diff.before,
        after: { ...diff.after, ...(newAffiliations.length ? { affiliationsAdded: newAffiliations } : {}) },
      });
      updated.push(id);
    }
    done += 1;
    if (done % 200 === 0) progress(done);
  }
  await reindexMany(transaction, 'contact', updated);
  progress(done);
}

// ---------------------------------------------------------------- entry points

function countsOf(plans: ImportRowPlan[]): ImportCounts {
  const counts = { create: 0, update: 0, refuse: 0 };
  for (const plan of plans) counts[plan.action] += 1;
  return counts;
}

async function plan(kind: ImportKind, table: Table, form: ImportForm, transaction?: Transaction) {
  const mapping = form.mapping ?? guessMapping(kind, table.headers);
  checkMapping(kind, table, mapping);
  return kind === 'partners' ? planPartners(table, mapping, transaction) : planContacts(table, mapping, form.legalBasis, transaction);
}

/** The dry run: what each row would do, refused rows first, and nothing written. */
export async function dryRunImport(table: Table, form: ImportForm): Promise<ImportPlan> {
  const work = await plan(form.kind, table, form);
  const order = { refuse: 0, create: 1, update: 2 };
  const rows = [...work.plans].sort((a, b) => order[a.action] - order[b.action] || a.line - b.line);
  return { kind: form.kind, counts: countsOf(work.plans), rows: rows.slice(0, 1_000), truncated: rows.length > 1_000 };
}

/**
 * Imports the rows that the dry run accepts, all in one transaction: either every one of them is
 * written, or (on any failure) none. The plan is made again inside the transaction, on the records as
 * they are then. Each record gets its audit event, and the file one `import` event.
 */
export async function runImport(table: Table, form: ImportForm, fileName: string, actor: Actor, onProgress: (done: number, total: number) => void) {
  const sequelize = Partner.sequelize!;
  return sequelize.transaction(async (transaction) => {
    const work = await plan(form.kind, table, form, transaction);
    const counts = countsOf(work.plans);
    const total = counts.create + counts.update;
    onProgress(0, total);
    const progress = (done: number) => onProgress(done, total);
    if (form.kind === 'partners') await writePartners(work as PartnerWork, actor, transaction, progress);
    else await writeContacts(work as ContactWork, actor, transaction, progress);
    await recordAudit(transaction, {
      actorUserId: actor.id,
      action: 'import',
      entityType: form.kind === 'partners' ? 'partner' : 'contact',
      entityId: null,
      after: { file: fileName.slice(0, 200), created: counts.create, updated: counts.update, refused: counts.refuse },
    });
    return { created: counts.create, updated: counts.update, refused: counts.refuse };
  });
}
