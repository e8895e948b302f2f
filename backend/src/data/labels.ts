import { kindLabels, legalBasisLabels, statusLabels } from '../common/labels';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { foldText } from '../common/text';
import type { LegalBasis } from '../contacts/contacts.schema';
import type { PartnerKind, PartnerStatus } from '../partners/partners.schema';

countries.registerLocale(fr);
countries.registerLocale(en);

/** The words of the interface, for the files people open in a spreadsheet. */
export { followUpStatusLabels, interactionTypeLabels, kindLabels, legalBasisLabels, statusLabels } from '../common/labels';

/** "28/11/2026 14:30" in the town's time zone, the way a date and time read in French. */
export function frenchDateTime(date: Date | null, timeZone = 'Europe/Paris'): string {
  if (!date) return '';
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone }).format(date);
}

/** Other words a spreadsheet may hold for a value (English, short forms), folded. */
const kindSynonyms: Record<string, PartnerKind> = {
  'twin town': 'twin_town',
  jumelage: 'twin_town',
  'sister city': 'twin_town',
  'partner town': 'partner_town',
  'partner city': 'partner_town',
  ecole: 'school',
  lycee: 'school',
  college: 'school',
  school: 'school',
  reseau: 'network',
  network: 'network',
  universite: 'university',
  university: 'university',
  program: 'programme',
};
const statusSynonyms: Record<string, PartnerStatus> = { prospect: 'prospect', 'en projet': 'prospect', actif: 'active', active: 'active', inactif: 'dormant', dormant: 'dormant', ancien: 'former', former: 'former' };
const legalBasisSynonyms: Record<string, LegalBasis> = {
  'public task': 'public_task',
  'mission d interet public': 'public_task',
  'service public': 'public_task',
  'interet legitime': 'legitimate_interest',
  'legitimate interest': 'legitimate_interest',
  consentement: 'consent',
  consent: 'consent',
};

/** A file repeats the same few values on every row: each is looked up once. */
function memoized<T>(find: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (cache.has(value)) return cache.get(value)!;
    const found = find(value);
    if (cache.size < 10_000) cache.set(value, found);
    return found;
  };
}

function lookup<T extends string>(value: string, labels: Record<T, string>, synonyms: Record<string, T>): T | null {
  const folded = foldText(value);
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    if (folded === foldText(code) || folded === foldText(label)) return code;
  }
  return synonyms[folded] ?? null;
}

export const kindFrom = memoized((value) => lookup(value, kindLabels, kindSynonyms));
export const statusFrom = memoized((value) => lookup(value, statusLabels, statusSynonyms));
export const legalBasisFrom = memoized((value) => lookup(value, legalBasisLabels, legalBasisSynonyms));

/** "DE", "de", "Allemagne" or "Germany" → "DE"; null when unknown. */
export const countryFrom = memoized((value: string): string | null => {
  const trimmed = value.trim();
  if (/^[a-z]{2}$/i.test(trimmed) && countries.isValid(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return countries.getAlpha2Code(trimmed, 'fr') ?? countries.getAlpha2Code(trimmed, 'en') ?? null;
});

export function countryName(code: string | null): string {
  return code ? (countries.getName(code, 'fr') ?? code) : '';
}

/** "2024-03-01", "01/03/2024" or "1.3.2024" → "2024-03-01"; null when not a real date. */
export function isoDateFrom(value: string): string | null {
  const trimmed = value.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  let [year, month, day] = match ? [match[1], match[2], match[3]] : [undefined, undefined, undefined];
  if (!match) {
    match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(trimmed);
    if (match) [day, month, year] = [match[1], match[2], match[3]];
  }
  if (!year || !month || !day) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** "01/03/2024", the way dates read in French. */
export function frenchDate(iso: string | null): string {
  if (!iso) return '';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}
