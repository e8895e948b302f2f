import type { LegalBasis } from '../contacts/contacts.schema';
import type { InteractionType } from '../interactions/interactions.schema';
import type { PartnerKind, PartnerStatus } from '../partners/partners.schema';

// The domain's words as people read them (see docs/glossary.md): one list for the screens (the frontend
// imports this file), the exports and the PDFs. Types only above, so the frontend bundle takes no zod.

export const kindLabels: Record<PartnerKind, string> = {
  network: 'Réseau',
  twin_town: 'Ville jumelle',
  partner_town: 'Ville partenaire',
  university: 'Université',
  school: 'Établissement scolaire',
  association: 'Association',
  institution: 'Institution',
  programme: 'Programme',
  label: 'Label',
  other: 'Autre',
};

export const statusLabels: Record<PartnerStatus, string> = {
  prospect: 'En projet',
  active: 'Actif',
  dormant: 'En sommeil',
  former: 'Ancien',
};

export const legalBasisLabels: Record<LegalBasis, string> = {
  public_task: 'Mission de service public',
  legitimate_interest: 'Intérêt légitime',
  consent: 'Consentement',
};

export const interactionTypeLabels: Record<InteractionType, string> = {
  meeting: 'Réunion',
  call: 'Appel',
  email: 'E-mail',
  visit: 'Visite',
  event: 'Événement',
  video_call: 'Visioconférence',
  letter: 'Courrier',
  other: 'Autre',
};

export const followUpStatusLabels: Record<string, string> = { open: 'À faire', done: 'Fait', cancelled: 'Annulé' };
