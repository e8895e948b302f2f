import { formatDate } from '@angular/common';
import type { HistoryEntry } from '@api/common/fields.schema';
import { kindLabels, languageLabel, legalBasisLabels, relationshipWording, statusLabels } from './labels';

/** Each field as a sentence names it ("a modifié le statut"). */
const fieldNames: Record<string, string> = {
  name: 'le nom',
  localNames: 'les noms locaux',
  kind: 'le type',
  country: 'le pays',
  city: 'la ville',
  website: 'le site web',
  description: 'la description',
  status: 'le statut',
  tags: 'les mots-clés',
  owner: 'le référent',
  objectives: 'les objectifs du plan',
  charterSignedOn: 'la date de signature de la charte',
  labelObtainedOn: 'la date d’obtention du label',
  labelRenewalDueOn: 'l’échéance de renouvellement du label',
  publicActivities: 'les activités (profil public)',
  publicNeeds: 'les besoins (profil public)',
  publicEvents: 'les événements organisés (profil public)',
  logo: 'le logo',
  publicEmail: 'l’e-mail public',
  publicPhone: 'le téléphone public',
  firstName: 'le prénom',
  lastName: 'le nom',
  jobTitle: 'la fonction',
  emails: 'les e-mails',
  phones: 'les téléphones',
  languages: 'les langues',
  notes: 'les notes',
  legalBasis: 'la base légale',
  consentOn: 'la date du consentement',
  consentSource: 'la source du consentement',
  affiliations: 'les rattachements',
  title: 'le titre',
  direction: 'le sens de la visite',
  startsOn: 'la date de début',
  endsOn: 'la date de fin',
  places: 'les lieux',
  partners: 'les partenaires',
  contacts: 'les contacts',
  delegation: 'la délégation',
  programme: 'le programme',
  notesForMayor: 'la note pour le maire',
  budget: 'le budget',
  milestones: 'les étapes',
};

export function fieldName(field: string): string {
  return fieldNames[field] ?? field;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A value as a reader expects it: labels for codes, French dates, "—" for nothing. */
export function formatValue(field: string, value: unknown, countryName: (code: string) => string = (code) => code): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (field === 'logo') return value === true ? 'une image' : value === false ? '—' : `image ${String(value).slice(0, 6)}`;
  if (field === 'kind') return (kindLabels as Record<string, string>)[String(value)]?.toLowerCase() ?? String(value);
  if (field === 'status') return (statusLabels as Record<string, string>)[String(value)]?.toLowerCase() ?? String(value);
  if (field === 'legalBasis') return (legalBasisLabels as Record<string, string>)[String(value)]?.toLowerCase() ?? String(value);
  if (field === 'country') return countryName(String(value));
  if (field === 'languages' && Array.isArray(value)) return value.map((code) => languageLabel(String(code))).join(', ');
  if (field === 'affiliations' && Array.isArray(value)) {
    return (value as { partner: string; role: string | null }[]).map((item) => (item.role ? `${item.partner} (${item.role})` : item.partner)).join(', ');
  }
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key} : ${String(item)}`)
      .join(', ');
  }
  const text = String(value);
  if (isoDate.test(text)) return formatDate(text, 'd MMMM y', 'fr-FR');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

type Link = { type: keyof typeof relationshipWording; source: { name: string }; target: { name: string } };

function linkText(link: Link | undefined): string {
  if (!link) return '';
  return `${link.source.name} ${relationshipWording[link.type]?.fromSource ?? link.type} ${link.target.name}`;
}

/** What happened, in French: "a modifié le statut : actif → en sommeil". */
export function describeChange(entry: HistoryEntry, countryName?: (code: string) => string): string[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  switch (entry.action) {
    case 'create':
      return ['a créé la fiche'];
    case 'delete':
      return ['a supprimé la fiche'];
    case 'restore':
      return ['a restauré la fiche'];
    case 'link':
      return [`a ajouté le lien : ${linkText(after['relationship'] as Link)}`];
    case 'unlink':
      return [`a retiré le lien : ${linkText(before['relationship'] as Link)}`];
    case 'merge': {
      const from = after['mergedFrom'] as { name: string } | undefined;
      const into = after['mergedInto'] as { name: string } | undefined;
      return [from ? `a fusionné la fiche « ${from.name} » dans celle-ci` : `a fusionné cette fiche dans « ${into?.name ?? ''} »`];
    }
    case 'update': {
      const fields = Object.keys(after);
      if (fields.length === 0) return ['a modifié la fiche'];
      return fields.map(
        (field, index) =>
          `${index === 0 ? 'a modifié ' : ''}${fieldName(field)} : ${formatValue(field, before[field], countryName)} → ${formatValue(field, after[field], countryName)}`,
      );
    }
    default:
      return [entry.action];
  }
}

/** "le 28 novembre 2026 à 14:03" */
export function formatWhen(date: Date | string): string {
  return formatDate(date, "'le' d MMMM y 'à' HH:mm", 'fr-FR');
}

/** The whole sentence: "Marie Dupont a modifié le statut : actif → en sommeil, le 28 novembre 2026 à 14:03". */
export function historySentence(entry: HistoryEntry, countryName?: (code: string) => string): string {
  const who = entry.actor?.displayName ?? 'Le système';
  return `${who} ${describeChange(entry, countryName).join(' ; ')}, ${formatWhen(entry.occurredAt)}`;
}
