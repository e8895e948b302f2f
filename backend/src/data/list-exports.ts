import { Op } from 'sequelize';
import { Contact } from '../contacts/contact.model';
import { affiliationsOf, contactListFilters } from '../contacts/contacts.service';
import type { AffiliationView, ContactListQueryData } from '../contacts/contacts.schema';
import { Partner } from '../partners/partner.model';
import { listExtras, partnerListFilters } from '../partners/partners.service';
import type { PartnerListQueryData, PartnerStatus } from '../partners/partners.schema';
import { keysetBatches, type ExportSource } from './exporter';
import { FollowUp } from '../follow-ups/follow-up.model';
import type { FollowUpListQueryData } from '../follow-ups/follow-ups.schema';
import { followUpListFilters, followUpViews, type Actor, type Clock } from '../follow-ups/follow-ups.service';
import { Interaction } from '../interactions/interaction.model';
import type { InteractionListItem, InteractionListQueryData } from '../interactions/interactions.schema';
import { interactionItems, interactionListFilters } from '../interactions/interactions.service';
import type { FollowUpView } from '../follow-ups/follow-ups.schema';
import { countryName, followUpStatusLabels, frenchDate, frenchDateTime, interactionTypeLabels, kindLabels, legalBasisLabels, statusLabels } from './labels';

type PartnerRow = { partner: Partner; tags: string[]; owner: string | null };

/** The partners list as it is filtered on screen, with the columns an import reads back. */
export function partnerExport(query: Omit<PartnerListQueryData, 'limit' | 'cursor'>): ExportSource<PartnerRow> {
  const { key, filters, trash } = partnerListFilters(query);
  return {
    fileName: 'partenaires',
    sheetName: 'Partenaires',
    entityType: 'partner',
    columns: [
      { header: 'Nom', width: 40, value: (row) => row.partner.name },
      { header: 'Type', value: (row) => kindLabels[row.partner.kind] ?? row.partner.kind },
      { header: 'Pays', value: (row) => countryName(row.partner.country) },
      { header: 'Ville', value: (row) => row.partner.city },
      { header: 'Statut', value: (row) => statusLabels[row.partner.status as PartnerStatus] ?? row.partner.status },
      { header: 'Site web', width: 30, value: (row) => row.partner.website },
      { header: 'Mots-clés', value: (row) => row.tags.join(', ') },
      { header: 'E-mail', width: 30, value: (row) => row.partner.publicEmail },
      { header: 'Téléphone', value: (row) => row.partner.publicPhone },
      { header: 'Référent', value: (row) => row.owner },
      { header: 'Dernier échange', value: (row) => (row.partner.lastInteractionAt ? frenchDate(row.partner.lastInteractionAt.toISOString()) : null) },
      { header: 'Description', width: 60, value: (row) => row.partner.description },
    ],
    batches: () =>
      keysetBatches(
        key,
        ({ where, order, limit }) => Partner.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit, paranoid: !trash }),
        async (partners) => {
          const extras = await listExtras(partners);
          return partners.map((partner) => ({ partner, tags: extras.tags(partner), owner: extras.owner(partner)?.displayName ?? null }));
        },
      ),
  };
}

/** Interactions, a million of them if need be: read and written 1 000 at a time. */
export function interactionExport(query: Omit<InteractionListQueryData, 'limit' | 'cursor'>, user: Actor, clock: Clock): ExportSource<InteractionListItem> {
  const { key, filters, trash } = interactionListFilters(query, user, clock);
  return {
    fileName: 'echanges',
    sheetName: 'Échanges',
    entityType: 'interaction',
    columns: [
      { header: 'Date', value: (row) => frenchDateTime(row.occurredAt, clock.timeZone) },
      { header: 'Type', value: (row) => interactionTypeLabels[row.type] ?? row.type },
      { header: 'Objet', width: 40, value: (row) => row.subject },
      { header: 'Partenaires', width: 40, value: (row) => row.partners.map((partner) => partner.name).join(', ') },
      { header: 'Contacts', width: 30, value: (row) => row.contacts.map((contact) => contact.fullName).join(', ') },
      { header: 'Participants', width: 30, value: (row) => row.participants.map((person) => person.displayName).join(', ') },
      { header: 'Objectifs du plan', value: (row) => row.objectives.map((objective) => objective.code).join(', ') },
      { header: 'Lieu', value: (row) => row.location },
      { header: 'Notes', width: 60, value: (row) => row.notes },
    ],
    batches: () =>
      keysetBatches(
        key,
        ({ where, order, limit }) => Interaction.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit, paranoid: !trash }),
        (rows) => interactionItems(rows),
      ),
  };
}

export function followUpExport(query: Omit<FollowUpListQueryData, 'limit' | 'cursor'>, user: Actor, clock: Clock): ExportSource<FollowUpView> {
  const { key, filters, trash } = followUpListFilters(query, user, clock);
  return {
    fileName: 'suivis',
    sheetName: 'Suivis',
    entityType: 'follow_up',
    columns: [
      { header: 'Échéance', value: (row) => frenchDate(row.dueOn) },
      { header: 'Titre', width: 40, value: (row) => row.title },
      { header: 'Statut', value: (row) => followUpStatusLabels[row.status] ?? row.status },
      { header: 'En retard', value: (row) => (row.overdue ? 'oui' : 'non') },
      { header: 'Responsable', value: (row) => row.assignee.displayName },
      { header: 'Partenaire', width: 30, value: (row) => row.partner?.name ?? null },
      { header: 'Contact', value: (row) => row.contact?.fullName ?? null },
      { header: 'Échange', width: 40, value: (row) => row.interaction?.subject ?? null },
      { header: 'Fait le', value: (row) => frenchDateTime(row.completedAt, clock.timeZone) },
      { header: 'Notes', width: 60, value: (row) => row.notes },
    ],
    batches: () =>
      keysetBatches(
        key,
        ({ where, order, limit }) => FollowUp.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit, paranoid: !trash }),
        (rows) => followUpViews(rows, clock),
      ),
  };
}

export type ContactRow = { contact: Contact; affiliations: AffiliationView[] };

const current = (row: ContactRow) => row.affiliations.filter((affiliation) => !affiliation.endedOn);

export function contactBatches(query: Omit<ContactListQueryData, 'limit' | 'cursor'>) {
  const { key, filters, trash } = contactListFilters(query);
  return () =>
    keysetBatches(
      key,
      ({ where, order, limit }) => Contact.findAll({ where: { [Op.and]: [...filters, ...(where ? [where] : [])] }, order, limit, paranoid: !trash }),
      async (contacts) => {
        const affiliations = await affiliationsOf(contacts.map((contact) => contact.id));
        return contacts.map((contact) => ({ contact, affiliations: affiliations(contact) }));
      },
    );
}

export function contactExport(query: Omit<ContactListQueryData, 'limit' | 'cursor'>): ExportSource<ContactRow> {
  return {
    fileName: 'contacts',
    sheetName: 'Contacts',
    entityType: 'contact',
    columns: [
      { header: 'Prénom', value: (row) => row.contact.firstName },
      { header: 'Nom', value: (row) => row.contact.lastName },
      { header: 'E-mail', width: 30, value: (row) => row.contact.emails.join(', ') },
      { header: 'Téléphone', value: (row) => row.contact.phones.join(', ') },
      { header: 'Fonction', width: 30, value: (row) => row.contact.jobTitle },
      { header: 'Pays', value: (row) => countryName(row.contact.country) },
      { header: 'Langues', value: (row) => row.contact.languages.join(', ') },
      { header: 'Partenaire', width: 40, value: (row) => current(row).map((affiliation) => affiliation.partner.name).join(', ') },
      { header: 'Rôle chez le partenaire', value: (row) => current(row).map((affiliation) => affiliation.role ?? '').filter(Boolean).join(', ') },
      { header: 'Base légale', value: (row) => legalBasisLabels[row.contact.legalBasis] },
      { header: 'Date du consentement', value: (row) => frenchDate(row.contact.consentOn) },
      { header: 'Source du consentement', value: (row) => row.contact.consentSource },
    ],
    batches: contactBatches(query),
  };
}

/** vCard 4.0 text: backslash, comma, semicolon and line breaks escaped. */
function escapeVcard(text: string) {
  return text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

/** Folds lines longer than 75 octets, as RFC 6350 asks, without cutting a character in two. */
function foldLine(line: string) {
  const parts: string[] = [];
  let part = '';
  for (const char of line) {
    if (Buffer.byteLength(part + char) > (parts.length ? 74 : 75)) {
      parts.push(part);
      part = '';
    }
    part += char;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

export function vcardOf(row: ContactRow): string {
  const { contact } = row;
  const organisation = current(row)[0];
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escapeVcard(contact.fullName)}`,
    `N:${escapeVcard(contact.lastName)};${escapeVcard(contact.firstName ?? '')};;;`,
    ...(contact.jobTitle ? [`TITLE:${escapeVcard(contact.jobTitle)}`] : []),
    ...(organisation ? [`ORG:${escapeVcard(organisation.partner.name)}`] : []),
    ...(organisation?.role ? [`ROLE:${escapeVcard(organisation.role)}`] : []),
    ...contact.emails.map((email) => `EMAIL;TYPE=work:${escapeVcard(email)}`),
    ...contact.phones.map((phone) => `TEL;TYPE=work,voice;VALUE=uri:tel:${phone.replace(/[^\d+]/g, '')}`),
    ...(contact.languages.length ? contact.languages.map((language, index) => `LANG;PREF=${index + 1}:${language}`) : []),
    ...(contact.country ? [`ADR;TYPE=work:;;;;;;${escapeVcard(countryName(contact.country))}`] : []),
    `UID:urn:passerelles:contact:${contact.id}`,
    `REV:${contact.updatedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`,
    'END:VCARD',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

