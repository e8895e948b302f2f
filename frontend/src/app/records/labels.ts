import { kindLabels, relationshipWording, statusLabels } from '@api/common/labels';
import type { LegalBasis } from '@api/contacts/contacts.schema';
import type { RelationshipType } from '@api/relationships/relationships.schema';
import type { VisitDirection } from '@api/visits/visits.schema';

/** The domain's words as the interface says them (see docs/glossary.md), shared with the exports and PDFs. */
export { kindLabels, legalBasisLabels, projectKindLabels, projectStatusLabels, relationshipWording, statusLabels } from '@api/common/labels';

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

export const visitDirectionLabels: Record<VisitDirection, string> = {
  outgoing: 'Déplacement',
  incoming: 'Accueil d’une délégation',
};
