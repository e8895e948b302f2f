import { literal, Op, type Transaction } from 'sequelize';
import { AuditEvent } from '../audit/audit-event.model';
import { recordAudit } from '../audit/audit.service';
import { versionConflict } from '../audit/version-conflict';
import { Affiliation, Contact, ContactEmail, ContactLanguage } from '../contacts/contact.model';
import { affiliationsOf, getContact } from '../contacts/contacts.service';
import { keysetPage, type SortKey } from '../http/keyset';
import { problems } from '../http/problem';
import { reindexMany } from '../search/search-index';
import { FollowUp } from '../follow-ups/follow-up.model';
import { Interaction, InteractionContact } from '../interactions/interaction.model';
import { interactionItems } from '../interactions/interactions.service';
import { User } from '../users/user.model';
import { countryName, followUpStatusLabels, frenchDate, interactionTypeLabels, legalBasisLabels } from './labels';

type Actor = { id: number };

/** The name an erased person keeps in the records that still point at them. */
export const erasedName = 'Personne effacée';

/** How long a contact is kept without any interaction before the retention review lists them. */
export const retentionYears = 3;

/**
 * One kind of data held on a person, beyond the contact record itself. A feature that keeps personal
 * data about contacts (interactions, follow-ups...) adds its source here: what it holds for the data
 * export, and what erasure does to it.
 */
export type PersonalDataSource = {
  name: string;
  title: string;
  collect: (contactId: number, transaction: Transaction) => Promise<Record<string, unknown>[]>;
  erase: (contactId: number, transaction: Transaction) => Promise<void>;
};

export const personalDataSources: PersonalDataSource[] = [
  {
    name: 'affiliations',
    title: 'Rattachements aux partenaires',
    collect: async (contactId, transaction) => {
      const contact = await Contact.findByPk(contactId, { paranoid: false, transaction });
      if (!contact) return [];
      return (await affiliationsOf([contactId], transaction))(contact).map((affiliation) => ({
        partner: affiliation.partner.name,
        role: affiliation.role,
        startedOn: affiliation.startedOn,
        endedOn: affiliation.endedOn,
      }));
    },
    // A role at a partner ("maire adjoint de Brühl") names the person as surely as a name does.
    erase: async (contactId, transaction) => {
      await Affiliation.destroy({ where: { contactId }, transaction });
    },
  },
  {
    name: 'interactions',
    title: 'Échanges auxquels la personne a pris part',
    collect: async (contactId, transaction) => {
      const links = await InteractionContact.findAll({ where: { contactId }, transaction });
      if (links.length === 0) return [];
      const rows = await Interaction.findAll({ where: { id: links.map((link) => link.interactionId) }, order: [['occurredAt', 'DESC'], ['id', 'DESC']], paranoid: false, transaction });
      return (await interactionItems(rows, transaction)).map((item) => ({
        occurredAt: item.occurredAt,
        type: interactionTypeLabels[item.type] ?? item.type,
        subject: item.subject,
        partners: item.partners.map((partner) => partner.name),
        participants: item.participants.map((person) => person.displayName),
        location: item.location,
        notes: item.notes,
        deletedAt: item.deletedAt,
      }));
    },
    // The exchanges stay in the partners' history; the person's name and addresses leave their text.
    erase: async (contactId, transaction) => {
      const patterns = await namePatterns(contactId, transaction);
      const links = await InteractionContact.findAll({ where: { contactId }, transaction });
      const rows = links.length ? await Interaction.findAll({ where: { id: links.map((link) => link.interactionId) }, paranoid: false, transaction }) : [];
      for (const row of rows) {
        const subject = scrub(row.subject, patterns);
        const notes = row.notes === null ? null : scrub(row.notes, patterns);
        if (subject !== row.subject || notes !== row.notes) {
          row.set({ subject, notes });
          await row.save({ transaction });
        }
      }
      await scrubAudit('interaction', rows.map((row) => row.id), patterns, transaction);
    },
  },
  {
    name: 'followUps',
    title: 'Suivis liés à la personne',
    collect: async (contactId, transaction) => {
      const rows = await FollowUp.findAll({ where: { contactId }, order: [['dueOn', 'DESC'], ['id', 'DESC']], paranoid: false, transaction });
      return rows.map((row) => ({ title: row.title, dueOn: row.dueOn, status: followUpStatusLabels[row.status] ?? row.status, notes: row.notes, deletedAt: row.deletedAt }));
    },
    erase: async (contactId, transaction) => {
      const patterns = await namePatterns(contactId, transaction);
      const rows = await FollowUp.findAll({ where: { contactId }, paranoid: false, transaction });
      for (const row of rows) {
        const title = scrub(row.title, patterns);
        const notes = row.notes === null ? null : scrub(row.notes, patterns);
        if (title !== row.title || notes !== row.notes) {
          row.set({ title, notes });
          await row.save({ transaction });
        }
      }
      await scrubAudit('follow_up', rows.map((row) => row.id), patterns, transaction);
    },
  },
  {
    name: 'history',
    title: 'Historique des modifications',
    collect: async (contactId, transaction) => {
      const events = await AuditEvent.findAll({
        where: { entityType: 'contact', entityId: contactId },
        include: [{ model: User, as: 'actor', attributes: ['displayName'] }],
        order: [['id', 'ASC']],
        transaction,
      });
      return events.map((event) => ({
        occurredAt: event.occurredAt,
        action: event.action,
        actor: (event as AuditEvent & { actor?: User | null }).actor?.displayName ?? null,
        before: event.before,
        after: event.after,
      }));
    },
    // The audit keeps that something happened, when and by whom, but no longer the values.
    erase: async (contactId, transaction) => {
      await AuditEvent.update({ before: null, after: null }, { where: { entityType: 'contact', entityId: contactId }, transaction });
    },
  },
];

const erasedMark = '[personne effacée]';

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How the person may be written in free text: full name both ways, e-mail addresses, and the last name
 * alone when it is long enough not to be a common short word. Case and accents as typed are ignored.
 */
async function namePatterns(contactId: number, transaction: Transaction): Promise<RegExp[]> {
  const contact = await Contact.findByPk(contactId, { paranoid: false, transaction });
  if (!contact || contact.erasedAt) return [];
  const forms = [
    [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    [contact.lastName, contact.firstName].filter(Boolean).join(' '),
    ...contact.emails,
    ...(contact.lastName.length >= 4 ? [contact.lastName] : []),
  ].filter((form) => form.trim().length >= 3);
  return [...new Set(forms)].map((form) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'));
}

function scrub(text: string, patterns: RegExp[]) {
  return patterns.reduce((current, pattern) => current.replace(pattern, erasedMark), text);
}

/** The values kept by the audit of records that stay (interactions, follow-ups) lose the person's name. */
async function scrubAudit(entityType: string, ids: number[], patterns: RegExp[], transaction: Transaction) {
  if (ids.length === 0 || patterns.length === 0) return;
  const events = await AuditEvent.findAll({ where: { entityType, entityId: ids }, transaction });
  for (const event of events) {
    const before = event.before ? (JSON.parse(scrub(JSON.stringify(event.before), patterns)) as Record<string, unknown>) : null;
    const after = event.after ? (JSON.parse(scrub(JSON.stringify(event.after), patterns)) as Record<string, unknown>) : null;
    if (JSON.stringify(before) !== JSON.stringify(event.before) || JSON.stringify(after) !== JSON.stringify(event.after)) {
      await AuditEvent.update({ before, after }, { where: { id: event.id }, transaction });
    }
  }
}

async function findContact(id: number, transaction: Transaction) {
  const contact = await Contact.findByPk(id, { paranoid: false, transaction });
  if (!contact) throw problems.notFound('Ce contact n’existe pas.');
  return contact;
}

export type PersonalData = {
  generatedAt: string;
  generatedBy: string;
  person: Record<string, unknown>;
  sections: { name: string; title: string; items: Record<string, unknown>[] }[];
};

/** Everything held on a person (GDPR art. 15), audited. */
export async function contactPersonalData(id: number, actor: Actor & { displayName?: string }, format: 'json' | 'html'): Promise<PersonalData> {
  return Contact.sequelize!.transaction(async (transaction) => {
    const contact = await findContact(id, transaction);
    if (contact.erasedAt) throw problems.conflict('erased', 'Ce contact a été effacé : il ne reste rien de personnel à exporter.');
    const sections = [];
    for (const source of personalDataSources) sections.push({ name: source.name, title: source.title, items: await source.collect(id, transaction) });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'data_export', entityType: 'contact', entityId: id, after: { format } });
    return {
      generatedAt: new Date().toISOString(),
      generatedBy: actor.displayName ?? '',
      person: {
        id: contact.id,
        firstName: contact.firstName,
        lastName: contact.lastName,
        jobTitle: contact.jobTitle,
        country: contact.country,
        emails: contact.emails,
        phones: contact.phones,
        languages: contact.languages,
        notes: contact.notes,
        legalBasis: contact.legalBasis,
        consentOn: contact.consentOn,
        consentSource: contact.consentSource,
        retentionKeptAt: contact.retentionKeptAt,
        retentionReason: contact.retentionReason,
        createdAt: contact.createdAt,
        updatedAt: contact.updatedAt,
        deletedAt: contact.deletedAt,
      },
      sections,
    };
  });
}

function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const fieldLabels: Record<string, string> = {
  firstName: 'Prénom',
  lastName: 'Nom',
  jobTitle: 'Fonction',
  country: 'Pays',
  emails: 'Adresses e-mail',
  phones: 'Téléphones',
  languages: 'Langues',
  notes: 'Notes',
  legalBasis: 'Base légale',
  consentOn: 'Date du consentement',
  consentSource: 'Source du consentement',
  retentionKeptAt: 'Conservation confirmée le',
  retentionReason: 'Motif de conservation',
  createdAt: 'Créé le',
  updatedAt: 'Modifié le',
  deletedAt: 'Supprimé le',
  partner: 'Partenaire',
  role: 'Rôle',
  startedOn: 'Début',
  endedOn: 'Fin',
  occurredAt: 'Date',
  type: 'Type',
  subject: 'Objet',
  partners: 'Partenaires',
  participants: 'Pour la Ville',
  location: 'Lieu',
  title: 'Titre',
  dueOn: 'Échéance',
  status: 'Statut',
  action: 'Action',
  actor: 'Par',
  before: 'Avant',
  after: 'Après',
};

const parisDateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

function readable(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return parisDateTime.format(value);
  if (key === 'country' && typeof value === 'string') return countryName(value);
  if (key === 'legalBasis' && typeof value === 'string') return legalBasisLabels[value as keyof typeof legalBasisLabels] ?? value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return frenchDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return parisDateTime.format(new Date(value));
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

/** A page a person can read (and print to PDF from the browser): the record, then each section as a table. */
export function personalDataHtml(data: PersonalData): string {
  const person = data.person;
  const name = [person['firstName'], person['lastName']].filter(Boolean).join(' ');
  const rows = Object.entries(person)
    .filter(([key]) => key in fieldLabels)
    .map(([key, value]) => `<tr><th scope="row">${escapeHtml(fieldLabels[key])}</th><td>${escapeHtml(readable(key, value))}</td></tr>`)
    .join('\n');
  const sections = data.sections
    .map((section) => {
      if (section.items.length === 0) return `<section><h2>${escapeHtml(section.title)}</h2><p>Aucune donnée.</p></section>`;
      const keys = [...new Set(section.items.flatMap((item) => Object.keys(item)))];
      const head = keys.map((key) => `<th scope="col">${escapeHtml(fieldLabels[key] ?? key)}</th>`).join('');
      const body = section.items
        .map((item) => `<tr>${keys.map((key) => `<td>${escapeHtml(readable(key, item[key]))}</td>`).join('')}</tr>`)
        .join('\n');
      return `<section><h2>${escapeHtml(section.title)} (${section.items.length})</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Données personnelles — ${escapeHtml(name)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1f; }
table { border-collapse: collapse; margin-bottom: 1.5rem; width: 100%; }
th, td { border: 1px solid #c4c6d0; padding: .35rem .5rem; text-align: left; vertical-align: top; white-space: pre-wrap; }
th { background: #eef0f8; }
.meta { color: #44474f; }
</style>
</head>
<body>
<h1>Données personnelles détenues sur ${escapeHtml(name)}</h1>
<p class="meta">Ville de Sceaux — relations internationales. Extrait établi le ${escapeHtml(parisDateTime.format(new Date(data.generatedAt)))}${data.generatedBy ? ` par ${escapeHtml(data.generatedBy)}` : ''}, au titre de l’article 15 du RGPD.</p>
<section><h2>Fiche</h2><table><tbody>
${rows}
</tbody></table></section>
${sections}
</body>
</html>
`;
}

async function eraseOne(contact: Contact, reason: string, actor: Actor, transaction: Transaction) {
  const id = contact.id;
  for (const source of personalDataSources) await source.erase(id, transaction);
  await ContactEmail.destroy({ where: { contactId: id }, transaction });
  await ContactLanguage.destroy({ where: { contactId: id }, transaction });
  contact.set({
    firstName: null,
    lastName: erasedName,
    jobTitle: null,
    country: null,
    emails: [],
    phones: [],
    languages: [],
    notes: null,
    consentOn: null,
    consentSource: null,
    retentionKeptAt: null,
    retentionReason: null,
    erasedAt: new Date(),
  });
  await contact.save({ transaction });
  // Out of the lists and the search; the row stays for what points at it.
  if (!contact.deletedAt) await contact.destroy({ transaction });
  // The exchanges and follow-ups that name the person are found under their new name only.
  const interactionIds = (await InteractionContact.findAll({ where: { contactId: id }, transaction })).map((link) => link.interactionId);
  await reindexMany(transaction, 'interaction', interactionIds);
  await reindexMany(transaction, 'follow_up', (await FollowUp.findAll({ where: { contactId: id }, attributes: ['id'], paranoid: false, transaction })).map((row) => row.id));
  await recordAudit(transaction, { actorUserId: actor.id, action: 'erase', entityType: 'contact', entityId: id, after: { reason } });
}

/** Anonymises a person everywhere (GDPR art. 17); the interactions they took part in stay, without them. */
export async function eraseContact(id: number, request: { version: number; reason: string }, actor: Actor) {
  await Contact.sequelize!.transaction(async (transaction) => {
    const contact = await findContact(id, transaction);
    if (contact.erasedAt) throw problems.conflict('erased', 'Ce contact a déjà été effacé.');
    if (request.version !== contact.version) throw await versionConflict('contact', id, await getContact(id), transaction);
    await eraseOne(contact, request.reason, actor, transaction);
    await reindexMany(transaction, 'contact', [id]);
  });
}

// ---------------------------------------------------------------- retention review

/**
 * Contacts with no sign of activity since the cut-off: neither created, nor kept by a review, nor (once
 * interactions exist) involved in an interaction after it. Features add their own condition here.
 */
export const retentionActivityConditions: ((cutOff: string) => string)[] = [
  (cutOff) =>
    `NOT EXISTS (SELECT 1 FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id WHERE ic.contact_id = \`Contact\`.\`id\` AND i.deleted_at IS NULL AND i.occurred_at >= ${cutOff})`,
];

function cutOffDate(now = new Date()) {
  const cutOff = new Date(now);
  cutOff.setUTCFullYear(cutOff.getUTCFullYear() - retentionYears);
  return cutOff;
}

const byId: SortKey = { name: 'retention', attribute: 'id', column: 'id', direction: 'asc', type: 'number' };

export async function retentionReview(page: { limit: number; cursor?: string | undefined }) {
  const cutOff = cutOffDate();
  const escaped = Contact.sequelize!.escape(cutOff);
  const result = await keysetPage(byId, page, ({ where, order, limit }) =>
    Contact.findAll({
      where: {
        [Op.and]: [
          { erasedAt: null, createdAt: { [Op.lt]: cutOff } },
          { [Op.or]: [{ retentionKeptAt: null }, { retentionKeptAt: { [Op.lt]: cutOff } }] },
          ...retentionActivityConditions.map((condition) => literal(condition(escaped))),
          ...(where ? [where] : []),
        ],
      },
      order,
      limit,
    }),
  );
  const affiliations = await affiliationsOf(result.items.map((contact) => contact.id));
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((contact) => ({
      id: contact.id,
      fullName: contact.fullName,
      legalBasis: contact.legalBasis,
      createdAt: contact.createdAt,
      retentionKeptAt: contact.retentionKeptAt,
      partners: affiliations(contact).map((affiliation) => affiliation.partner.name),
    })),
  };
}

async function reviewed(ids: number[], transaction: Transaction) {
  const contacts = await Contact.findAll({ where: { id: [...new Set(ids)], erasedAt: null }, transaction });
  if (contacts.length !== new Set(ids).size) throw problems.invalid([{ path: 'ids', message: 'Un des contacts choisis n’existe pas ou a déjà été effacé.' }]);
  return contacts;
}

/** Keeps contacts for another retention period, with the administrator's reason. */
export async function keepContacts(ids: number[], reason: string, actor: Actor) {
  return Contact.sequelize!.transaction(async (transaction) => {
    const contacts = await reviewed(ids, transaction);
    const now = new Date();
    for (const contact of contacts) {
      contact.set({ retentionKeptAt: now, retentionReason: reason });
      await contact.save({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'retention_keep', entityType: 'contact', entityId: contact.id, after: { reason } });
    }
    return { count: contacts.length };
  });
}

/** Erases the chosen contacts of the review, in one transaction. */
export async function eraseContacts(ids: number[], reason: string, actor: Actor) {
  return Contact.sequelize!.transaction(async (transaction) => {
    const contacts = await reviewed(ids, transaction);
    for (const contact of contacts) await eraseOne(contact, reason, actor, transaction);
    await reindexMany(transaction, 'contact', contacts.map((contact) => contact.id));
    return { count: contacts.length };
  });
}
