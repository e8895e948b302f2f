import { kindLabels, statusLabels } from '@api/common/labels';
import type { LegalBasis } from '@api/contacts/contacts.schema';
import type { PartnerKind, PartnerStatus } from '@api/partners/partners.schema';
import type { RelationshipType } from '@api/relationships/relationships.schema';
import type { ProjectKind, ProjectStatus } from '@api/projects/projects.schema';
import type { VisitDirection } from '@api/visits/visits.schema';

/** The domain's words as the interface says them (see docs/glossary.md), shared with the exports and PDFs. */
export { kindLabels, legalBasisLabels, statusLabels } from '@api/common/labels';

/** How a link reads from each end: "Brühl — jumelée avec — Ville de Sceaux", "EUGLOH — a pour membre — Lund University". */
export const relationshipWording: Record<RelationshipType, { fromSource: string; fromTarget: string }> = {
  member_of: { fromSource: 'membre de', fromTarget: 'a pour membre' },
  part_of: { fromSource: 'fait partie de', fromTarget: 'comprend' },
  twinned_with: { fromSource: 'jumelée avec', fromTarget: 'jumelée avec' },
  partner_of: { fromSource: 'partenaire de', fromTarget: 'partenaire de' },
  funded_by: { fromSource: 'financé par', fromTarget: 'finance' },
  supports: { fromSource: 'soutient', fromTarget: 'soutenu par' },
};

/** The choices of the "add a link" dialog, each worded from the partner whose page is open. */
export type LinkChoice = { key: string; type: RelationshipType; thisIsSource: boolean; label: string };
export const linkChoices: LinkChoice[] = (Object.keys(relationshipWording) as RelationshipType[]).flatMap((type) => {
  const wording = relationshipWording[type];
  const choices: LinkChoice[] = [{ key: `${type}:source`, type, thisIsSource: true, label: wording.fromSource }];
  if (wording.fromTarget !== wording.fromSource) choices.push({ key: `${type}:target`, type, thisIsSource: false, label: wording.fromTarget });
  return choices;
});

export const languageNames = new Intl.DisplayNames(['fr'], { type: 'language' });

export function languageLabel(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function kindLabel(kind: string): string {
  return (kindLabels as Record<string, string>)[kind] ?? kind;
}

export function statusLabel(status: string): string {
  return (statusLabels as Record<string, string>)[status] ?? status;
}

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

export const visitDirectionLabels: Record<VisitDirection, string> = {
  outgoing: 'Déplacement',
  incoming: 'Accueil d’une délégation',
};
