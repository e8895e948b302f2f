import { z } from 'zod';

/** Field schemas shared by the records' bodies. Only zod: the frontend imports these files as types. */

/** Optional free text: trimmed, '' becomes null. */
export function optionalText(max: number, label = 'Ce texte') {
  return z
    .string({ error: 'Texte attendu.' })
    .trim()
    .max(max, { error: `${label} dépasse ${max} caractères.` })
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));
}

export function requiredText(max: number, label: string) {
  return z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} dépasse ${max} caractères.` });
}

/** ISO 3166-1 alpha-2, upper case ("FR"); whether the code exists is checked by the service. */
export const CountryCode = z
  .string({ error: 'Code pays attendu.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'Pays inconnu : choisissez un pays de la liste (code ISO à deux lettres).' })
  .meta({ id: 'CountryCode', example: 'DE' });

export const optionalCountry = CountryCode.nullable()
  .optional()
  .or(z.literal('').transform(() => null));

export const IsoDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });
export const optionalDate = IsoDate.nullable().optional();

export const Email = z
  .string({ error: 'Adresse e-mail attendue.' })
  .trim()
  .max(254, { error: 'Adresse e-mail trop longue.' })
  .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).' }));

export const optionalEmail = Email.nullable()
  .optional()
  .or(z.literal('').transform(() => null));

export const WebUrl = z
  .string({ error: 'Adresse web attendue.' })
  .trim()
  .max(500, { error: 'Adresse web trop longue (500 caractères au plus).' })
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Adresse web invalide (exemple : https://www.exemple.fr).' }));

export const Phone = z
  .string({ error: 'Numéro de téléphone attendu.' })
  .trim()
  .max(40, { error: 'Numéro de téléphone trop long.' })
  .regex(/^\+?[0-9 ().\-/]{4,}$/, { error: 'Numéro de téléphone invalide (chiffres, espaces, + ( ) . - /).' });

export const optionalPhone = Phone.nullable()
  .optional()
  .or(z.literal('').transform(() => null));

/** ISO 639-1 language code ("de"). */
export const LanguageCode = z
  .string({ error: 'Code de langue attendu.' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, { error: 'Langue inconnue : code ISO 639-1 à deux lettres attendu (fr, de, en…).' });

export const Id = z.coerce.number({ error: 'Identifiant attendu.' }).int({ error: 'Identifiant attendu.' }).positive({ error: 'Identifiant attendu.' });

export const IdParams = z.object({ id: Id });

export const Version = z
  .number({ error: 'La version lue est obligatoire (nombre entier).' })
  .int({ error: 'La version lue est obligatoire (nombre entier).' })
  .min(0);

/** A query parameter that may be repeated (`?kind=a&kind=b`), as an array. */
export function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === undefined || value === '' ? undefined : Array.isArray(value) ? value : [value]), z.array(item).max(50).optional());
}

export const Person = z.object({ id: z.number().int(), displayName: z.string() }).meta({ id: 'PersonRef' });
export type Person = z.infer<typeof Person>;

/** One entry of a record's history (audit events), newest first. */
export const HistoryEntry = z
  .object({
    id: z.number().int(),
    occurredAt: z.date(),
    action: z.string(),
    actor: Person.nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryPage = z.object({ items: z.array(HistoryEntry), nextCursor: z.string().nullable() }).meta({ id: 'HistoryPage' });
export type HistoryPage = z.infer<typeof HistoryPage>;

export const MergeRequest = z
  .object({
    from: Id.meta({ description: 'The record merged into this one (soft-deleted afterwards)' }),
    version: Version.meta({ description: 'The version of the kept record, as read' }),
  })
  .meta({ id: 'MergeRequest' });
export type MergeRequest = z.infer<typeof MergeRequest>;
