import type { LegalBasis } from '../contacts/contacts.schema';
import type { InteractionType } from '../interactions/interactions.schema';
import type { PartnerKind, PartnerStatus } from '../partners/partners.schema';
import type { ProjectKind, ProjectStatus } from '../projects/projects.schema';
import type { RelationshipType } from '../relationships/relationships.schema';

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

/** How a link reads from each end: "Brühl — jumelée avec — Ville de Sceaux", "EUGLOH — a pour membre — Lund University". */
export const relationshipWording: Record<RelationshipType, { fromSource: string; fromTarget: string }> = {
  member_of: { fromSource: 'membre de', fromTarget: 'a pour membre' },
  part_of: { fromSource: 'fait partie de', fromTarget: 'comprend' },
  twinned_with: { fromSource: 'jumelée avec', fromTarget: 'jumelée avec' },
  partner_of: { fromSource: 'partenaire de', fromTarget: 'partenaire de' },
  funded_by: { fromSource: 'financé par', fromTarget: 'finance' },
  supports: { fromSource: 'soutient', fromTarget: 'soutenu par' },
};

export const projectKindLabels: Record<ProjectKind, string> = {
  call_for_projects: 'Appel à projets',
  label_candidacy: 'Candidature à un label',
  exchange: 'Échange',
  cooperation: 'Coopération',
  solidarity_campaign: 'Campagne de solidarité',
  event: 'Événement',
};

export const projectStatusLabels: Record<ProjectStatus, string> = {
  planned: 'Prévu',
  running: 'En cours',
  completed: 'Terminé',
  cancelled: 'Abandonné',
};
