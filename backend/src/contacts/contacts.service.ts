import { literal, Op, type Transaction, type WhereOptions } from 'sequelize';
import { changedFields, recordAudit } from '../audit/audit.service';
import { reindex } from '../search/search-index';
import { versionConflict } from '../audit/version-conflict';
import { isCountryCode } from '../common/countries';
import type { MergeRequest } from '../common/fields.schema';
import { foldText } from '../common/text';
import { keysetPage, sortKeyFrom, type SortKey } from '../http/keyset';
import { problems, type FieldError } from '../http/problem';
import { Partner } from '../partners/partner.model';
import { contactRepointers } from './contact-merge';
import { Affiliation, Contact, ContactEmail, ContactLanguage, contactSortName } from './contact.model';
import type {
  AffiliationData,
  AffiliationView,
  ContactCreateData,
  ContactDuplicateCandidate,
  ContactListItem,
  ContactListQueryData,
  ContactPage,
  ContactUpdateData,
  ContactView,
} from './contacts.schema';

type Actor = { id: number };
type ParsedListQuery = ContactListQueryData;

const sortKeys: Record<string, Omit<SortKey, 'direction' | 'name'>> = {
  name: { attribute: 'sortName', column: 'sort_name', type: 'string' },
  created: { attribute: 'createdAt', column: 'created_at', type: 'date' },
  deleted: { attribute: 'deletedAt', column: 'deleted_at', type: 'date' },
};

// ---------------------------------------------------------------- reading

/** The affiliations of a page of contacts with their partners' names, in one query. */
export async function affiliationsOf(contactIds: number[], transaction?: Transaction) {
  const rows = contactIds.length
    ? await Affiliation.findAll({
        where: { contactId: contactIds },
        // Deleted partners too: a contact keeps its affiliation while the partner sits in the trash.
        include: [{ model: Partner, as: 'partner', attributes: ['id', 'name', 'kind', 'country'], required: true, paranoid: false }],
        order: [['startedOn', 'DESC'], ['id', 'ASC']],
        transaction,
      })
    : [];
  const byContact = new Map<number, AffiliationView[]>();
  for (const row of rows) {
    const partner = (row as Affiliation & { partner: Partner }).partner;
    const view: AffiliationView = {
      id: row.id,
      partner: { id: partner.id, name: partner.name, kind: partner.kind, country: partner.country },
      role: row.role,
      startedOn: row.startedOn,
      endedOn: row.endedOn,
    };
    byContact.set(row.contactId, [...(byContact.get(row.contactId) ?? []), view]);
  }
  return (contact: Contact) => byContact.get(contact.id) ?? [];
}

function listItem(contact: Contact, affiliations: AffiliationView[]): ContactListItem {
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    fullName: contact.fullName,
    jobTitle: contact.jobTitle,
    country: contact.country,
    emails: contact.emails,
    languages: contact.languages,
    affiliations,
    createdAt: contact.createdAt,
    deletedAt: contact.deletedAt ?? null,
  };
}

function escapeList(values: readonly (string | number)[]) {
  const sequelize = Contact.sequelize!;
  return values.map((value) => sequelize.escape(value)).join(', ');
}

/** The WHERE terms and sort key of a filtered list, shared by the list and its export. */
export function contactListFilters(query: Omit<ParsedListQuery, 'limit' | 'cursor'>) {
  const trash = query.deleted === 'true';
  const key = sortKeyFrom(sortKeys, trash ? '-deleted' : query.sort);
  const filters: WhereOptions[] = [];
  if (trash) filters.push({ deletedAt: { [Op.ne]: null } });
  if (query.country?.length) filters.push({ country: query.country });
  if (query.language?.length) {
    filters.push({ id: { [Op.in]: literal(`(SELECT contact_id FROM contact_languages WHERE language IN (${escapeList(query.language)}))`) } });
  }
  const roleWords = foldText(query.role ?? '').split(' ').filter(Boolean);
  if (query.partner?.length || roleWords.length) {
    // Folded text holds only letters, digits and spaces: no LIKE wildcard can slip in.
    const conditions = [
      ...(query.partner?.length ? [`partner_id IN (${escapeList(query.partner)})`] : []),
      ...roleWords.map((word) => `role_key LIKE ${Contact.sequelize!.escape(`%${word}%`)}`),
    ];
    filters.push({ id: { [Op.in]: literal(`(SELECT contact_id FROM affiliations WHERE ${conditions.join(' AND ')})`) } });
  }
  for (const word of foldText(query.q ?? '').split(' ').filter(Boolean)) filters.push({ searchText: { [Op.like]: `%${word}%` } });
  return { key, filters, trash };
}

export async function listContacts(query: ParsedListQuery): Promise<ContactPage> {
  const { key, filters, trash } = contactListFilters(query);
  const page = await keysetPage(key, { limit: query.limit, cursor: query.cursor }, ({ where, order, limit }) =>
    Contact.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit, paranoid: !trash }),
  );
  const affiliations = await affiliationsOf(page.items.map((contact) => contact.id));
  return { items: page.items.map((contact) => listItem(contact, affiliations(contact))), nextCursor: page.nextCursor };
}

async function findContact(id: number, options: { transaction?: Transaction; includeDeleted?: boolean } = {}) {
  // Within a write, the row is locked: a concurrent change waits, then sees the new version and is
  // answered with a version conflict carrying the current record (MariaDB's snapshot would hide it).
  const contact = await Contact.findByPk(id, {
    paranoid: !options.includeDeleted,
    transaction: options.transaction,
    lock: options.transaction ? options.transaction.LOCK.UPDATE : undefined,
  });
  if (!contact) throw problems.notFound('Ce contact n’existe pas ou plus.');
  return contact;
}

async function contactView(contact: Contact, transaction?: Transaction): Promise<ContactView> {
  const affiliations = await affiliationsOf([contact.id], transaction);
  return {
    ...listItem(contact, affiliations(contact)),
    phones: contact.phones,
    notes: contact.notes,
    legalBasis: contact.legalBasis,
    consentOn: contact.consentOn,
    consentSource: contact.consentSource,
    erasedAt: contact.erasedAt ?? null,
    version: contact.version,
    updatedAt: contact.updatedAt,
  };
}

export async function getContact(id: number) {
  return contactView(await findContact(id, { includeDeleted: true }));
}

function snapshot(view: ContactView): Record<string, unknown> {
  return {
    firstName: view.firstName,
    lastName: view.lastName,
    jobTitle: view.jobTitle,
    country: view.country,
    emails: view.emails,
    phones: view.phones,
    languages: view.languages,
    notes: view.notes,
    legalBasis: view.legalBasis,
    consentOn: view.consentOn,
    consentSource: view.consentSource,
    affiliations: view.affiliations.map((affiliation) => ({
      partner: affiliation.partner.name,
      role: affiliation.role,
      startedOn: affiliation.startedOn,
      endedOn: affiliation.endedOn,
    })),
  };
}

// ---------------------------------------------------------------- checks

type Checked = {
  country?: string | null | undefined;
  legalBasis?: string | undefined;
  consentOn?: string | null | undefined;
  consentSource?: string | null | undefined;
  affiliations?: AffiliationData[] | undefined;
};

/** `keptPartnerIds`: partners the contact is already affiliated to, which may be in the trash. */
async function check(input: Checked, transaction: Transaction, keptPartnerIds: number[] = []) {
  const errors: FieldError[] = [];
  if (input.country && !isCountryCode(input.country)) {
    errors.push({ path: 'country', message: `Pays inconnu : « ${input.country} » n’est pas un code ISO 3166-1 (exemple : FR, DE).` });
  }
  if (input.legalBasis === 'consent') {
    if (!input.consentOn) errors.push({ path: 'consentOn', message: 'Indiquez la date du consentement.' });
    if (!input.consentSource) errors.push({ path: 'consentSource', message: 'Indiquez comment le consentement a été recueilli.' });
  }
  const affiliations = input.affiliations ?? [];
  const partnerIds = [...new Set(affiliations.map((affiliation) => affiliation.partnerId))];
  const found = partnerIds.length ? await Partner.findAll({ where: { id: partnerIds }, attributes: ['id', 'deletedAt'], paranoid: false, transaction }) : [];
  affiliations.forEach((affiliation, index) => {
    const partner = found.find((candidate) => candidate.id === affiliation.partnerId);
    if (!partner || (partner.deletedAt && !keptPartnerIds.includes(partner.id))) {
      errors.push({ path: `affiliations.${index}.partnerId`, message: 'Ce partenaire n’existe pas ou a été supprimé.' });
    }
    if (affiliation.startedOn && affiliation.endedOn && affiliation.endedOn < affiliation.startedOn) {
      errors.push({ path: `affiliations.${index}.endedOn`, message: 'La date de fin précède la date de début.' });
    }
  });
  if (errors.length) throw problems.invalid(errors);
}

/** Contacts with one of these e-mails, or with the same name and an affiliation to one of these partners. */
export async function findDuplicateContacts(
  input: { firstName?: string | null; lastName: string; emails?: string[]; partnerIds?: number[] },
  transaction?: Transaction,
  excludeId?: number,
): Promise<ContactDuplicateCandidate[]> {
  const emails = [...new Set((input.emails ?? []).map((email) => email.toLowerCase()))];
  const candidates = new Map<number, ContactDuplicateCandidate['reason']>();
  if (emails.length) {
    for (const row of await ContactEmail.findAll({ where: { email: emails }, transaction })) candidates.set(row.contactId, 'email');
  }
  if (input.partnerIds?.length) {
    const sameName = await Contact.findAll({
      where: {
        sortName: contactSortName(input.firstName, input.lastName),
        id: { [Op.in]: literal(`(SELECT contact_id FROM affiliations WHERE partner_id IN (${escapeList(input.partnerIds)}))`) },
      },
      attributes: ['id'],
      transaction,
    });
    for (const row of sameName) if (!candidates.has(row.id)) candidates.set(row.id, 'name_and_partner');
  }
  if (excludeId) candidates.delete(excludeId);
  if (!candidates.size) return [];
  const contacts = await Contact.findAll({ where: { id: [...candidates.keys()] }, transaction, limit: 10 });
  return contacts.map((contact) => ({ id: contact.id, fullName: contact.fullName, emails: contact.emails, reason: candidates.get(contact.id)! }));
}

// ---------------------------------------------------------------- writing

/** The values without repeats (by key), the first one kept. */
function unique<T>(values: T[], key: (value: T) => string = String) {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}

async function writeLookups(contact: Contact, transaction: Transaction) {
  await ContactEmail.destroy({ where: { contactId: contact.id }, transaction });
  await ContactLanguage.destroy({ where: { contactId: contact.id }, transaction });
  const emails = unique(contact.emails.map((email) => email.toLowerCase()));
  if (emails.length) await ContactEmail.bulkCreate(emails.map((email) => ({ contactId: contact.id, email })), { transaction });
  if (contact.languages.length) {
    await ContactLanguage.bulkCreate(contact.languages.map((language) => ({ contactId: contact.id, language })), { transaction });
  }
}

async function setAffiliations(contactId: number, affiliations: AffiliationData[], transaction: Transaction) {
  await Affiliation.destroy({ where: { contactId }, transaction });
  for (const affiliation of affiliations) {
    await Affiliation.create(
      { contactId, partnerId: affiliation.partnerId, role: affiliation.role ?? null, startedOn: affiliation.startedOn ?? null, endedOn: affiliation.endedOn ?? null },
      { transaction },
    );
  }
}

export async function createContact(input: ContactCreateData, actor: Actor): Promise<ContactView> {
  return Contact.sequelize!.transaction(async (transaction) => {
    await check(input, transaction);
    if (!input.confirmDuplicate) {
      const candidates = await findDuplicateContacts(
        { firstName: input.firstName ?? null, lastName: input.lastName, emails: input.emails ?? [], partnerIds: (input.affiliations ?? []).map((a) => a.partnerId) },
        transaction,
      );
      if (candidates.length) throw problems.conflict('probable_duplicate', 'Un contact semblable existe déjà.', { candidates });
    }
    const contact = await Contact.create(
      {
        firstName: input.firstName ?? null,
        lastName: input.lastName,
        jobTitle: input.jobTitle ?? null,
        country: input.country ?? null,
        emails: unique(input.emails ?? [], (email) => email.toLowerCase()),
        phones: unique(input.phones ?? []),
        languages: unique(input.languages ?? []),
        notes: input.notes ?? null,
        legalBasis: input.legalBasis,
        consentOn: input.legalBasis === 'consent' ? (input.consentOn ?? null) : null,
        consentSource: input.legalBasis === 'consent' ? (input.consentSource ?? null) : null,
      },
      { transaction },
    );
    await writeLookups(contact, transaction);
    await setAffiliations(contact.id, input.affiliations ?? [], transaction);
    const view = await contactView(contact, transaction);
    await recordAudit(transaction, { actorUserId: actor.id, action: 'create', entityType: 'contact', entityId: contact.id, after: snapshot(view) });
    await reindex(transaction, 'contact', [contact.id]);
    return view;
  });
}

export async function updateContact(id: number, input: ContactUpdateData, actor: Actor): Promise<ContactView> {
  return Contact.sequelize!.transaction(async (transaction) => {
    const contact = await findContact(id, { transaction });
    const before = await contactView(contact, transaction);
    if (input.version !== contact.version) throw await versionConflict('contact', id, before, transaction);
    const legalBasis = input.legalBasis ?? contact.legalBasis;
    const consentOn = input.consentOn !== undefined ? input.consentOn : contact.consentOn;
    const consentSource = input.consentSource !== undefined ? input.consentSource : contact.consentSource;
    await check({ ...input, legalBasis, consentOn, consentSource }, transaction, before.affiliations.map((affiliation) => affiliation.partner.id));
    const { version: _version, affiliations, confirmDuplicate: _confirm, ...fields } = input as ContactUpdateData & { confirmDuplicate?: boolean };
    const values = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Contact>;
    if (values.emails) values.emails = unique(values.emails, (email) => email.toLowerCase());
    if (legalBasis !== 'consent') Object.assign(values, { consentOn: null, consentSource: null });
    contact.set(values);
    if (affiliations) await setAffiliations(id, affiliations, transaction);
    if (contact.changed() || affiliations) {
      contact.changed('updatedAt', true);
      await contact.save({ transaction });
      await writeLookups(contact, transaction);
    }
    const after = await contactView(contact, transaction);
    const diff = changedFields(snapshot(before), snapshot(after));
    if (diff.changed) {
      await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'contact', entityId: id, before: diff.before, after: diff.after });
      await reindex(transaction, 'contact', [id]);
    }
    return after;
  });
}

export async function deleteContact(id: number, actor: Actor) {
  await Contact.sequelize!.transaction(async (transaction) => {
    const contact = await findContact(id, { transaction });
    await contact.destroy({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'delete', entityType: 'contact', entityId: id, before: { name: contact.fullName } });
    await reindex(transaction, 'contact', [id]);
  });
}

export async function restoreContact(id: number, actor: Actor): Promise<ContactView> {
  return Contact.sequelize!.transaction(async (transaction) => {
    const contact = await findContact(id, { transaction, includeDeleted: true });
    if (!contact.deletedAt) return contactView(contact, transaction);
    if (contact.erasedAt) throw problems.conflict('erased', 'Ce contact a été effacé à la demande de la personne ou après la revue de conservation : il ne peut pas être restauré.');
    await contact.restore({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'restore', entityType: 'contact', entityId: id, after: { name: contact.fullName } });
    await reindex(transaction, 'contact', [id]);
    return contactView(contact, transaction);
  });
}

/** Moves every link of contact `from` to the one kept, adds its addresses and languages, deletes it. */
export async function mergeContacts(keptId: number, request: MergeRequest, actor: Actor): Promise<ContactView> {
  if (request.from === keptId) throw problems.invalid([{ path: 'from', message: 'Choisissez un autre contact que celui conservé.' }]);
  return Contact.sequelize!.transaction(async (transaction) => {
    const kept = await findContact(keptId, { transaction });
    if (request.version !== kept.version) throw await versionConflict('contact', keptId, await contactView(kept, transaction), transaction);
    const merged = await Contact.findByPk(request.from, { transaction });
    if (!merged) throw problems.invalid([{ path: 'from', message: 'Ce contact n’existe pas ou a été supprimé.' }]);
    const moved: Record<string, number> = {};
    for (const repointer of contactRepointers) moved[repointer.name] = await repointer.repoint({ keptId, mergedId: merged.id, transaction });
    kept.set({
      emails: unique([...kept.emails, ...merged.emails], (email) => email.toLowerCase()),
      phones: unique([...kept.phones, ...merged.phones]),
      languages: unique([...kept.languages, ...merged.languages]),
      firstName: kept.firstName ?? merged.firstName,
      jobTitle: kept.jobTitle ?? merged.jobTitle,
      country: kept.country ?? merged.country,
    });
    kept.changed('updatedAt', true);
    await kept.save({ transaction });
    await ContactEmail.destroy({ where: { contactId: merged.id }, transaction });
    await writeLookups(kept, transaction);
    await merged.destroy({ transaction });
    await recordAudit(transaction, {
      actorUserId: actor.id,
      action: 'merge',
      entityType: 'contact',
      entityId: keptId,
      after: { mergedFrom: { id: merged.id, name: merged.fullName }, moved },
    });
    await recordAudit(transaction, {
      actorUserId: actor.id,
      action: 'merge',
      entityType: 'contact',
      entityId: merged.id,
      before: { name: merged.fullName },
      after: { mergedInto: { id: kept.id, name: kept.fullName } },
    });
    await reindex(transaction, 'contact', [keptId, merged.id]);
    return contactView(kept, transaction);
  });
}
