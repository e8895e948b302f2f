import { z } from 'zod';
import {
  Id,
  IsoDate,
  optionalCountry,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  Person,
  repeated,
  requiredText,
  Version,
  WebUrl,
} from '../common/fields.schema';
import { PageQuery } from '../http/pagination.schema';

export const partnerKinds = [
  'network',
  'twin_town',
  'partner_town',
  'university',
  'school',
  'association',
  'institution',
  'programme',
  'label',
  'other',
] as const;
export const PartnerKind = z.enum(partnerKinds, { error: 'Type inconnu.' }).meta({ id: 'PartnerKind' });
export type PartnerKind = z.infer<typeof PartnerKind>;

export const partnerStatuses = ['prospect', 'active', 'dormant', 'former'] as const;
export const PartnerStatus = z.enum(partnerStatuses, { error: 'Statut inconnu.' }).meta({ id: 'PartnerStatus' });
export type PartnerStatus = z.infer<typeof PartnerStatus>;

const Tag = z.string({ error: 'Mot-clé attendu.' }).trim().min(1, { error: 'Mot-clé vide.' }).max(60, { error: 'Un mot-clé compte 60 caractères au plus.' });

const LocalNames = z
  .record(
    z.string().regex(/^[a-z]{2,3}$/, { error: 'Langue inconnue : code ISO 639-1 attendu (de, en, uk…).' }),
    z.string({ error: 'Nom attendu.' }).trim().min(1, { error: 'Nom vide.' }).max(200, { error: 'Un nom compte 200 caractères au plus.' }),
    { error: 'Noms locaux attendus sous la forme {"de": "Brühl"}.' },
  )
  .refine((names) => Object.keys(names).length <= 20, { error: 'Au plus 20 noms locaux.' });

const partnerFields = {
  name: requiredText(200, 'Le nom'),
  localNames: LocalNames.optional(),
  kind: PartnerKind,
  country: optionalCountry,
  city: optionalText(120, 'La ville'),
  website: WebUrl.nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  description: optionalText(10_000, 'La description'),
  status: PartnerStatus.optional(),
  tags: z.array(Tag, { error: 'Liste de mots-clés attendue.' }).max(30, { error: 'Au plus 30 mots-clés.' }).optional(),
  ownerUserId: Id.nullable().optional(),
  objectiveIds: z.array(Id, { error: 'Liste d’objectifs attendue.' }).max(20).optional(),
  charterSignedOn: optionalDate,
  labelObtainedOn: optionalDate,
  labelRenewalDueOn: optionalDate,
  publicActivities: optionalText(5_000, 'Le texte'),
  publicNeeds: optionalText(5_000, 'Le texte'),
  publicEvents: optionalText(5_000, 'Le texte'),
  publicEmail: optionalEmail,
  publicPhone: optionalPhone,
};

export const PartnerCreate = z
  .object({
    ...partnerFields,
    confirmDuplicate: z.boolean().optional().meta({ description: 'Create even when probable duplicates exist' }),
  })
  .meta({ id: 'PartnerCreate' });
export type PartnerCreate = z.input<typeof PartnerCreate>;
export type PartnerCreateData = z.output<typeof PartnerCreate>;

const { name, kind, ...optionalFields } = partnerFields;
export const PartnerUpdate = z
  .object({ name: name.optional(), kind: kind.optional(), ...optionalFields, version: Version })
  .meta({ id: 'PartnerUpdate' });
export type PartnerUpdate = z.input<typeof PartnerUpdate>;
export type PartnerUpdateData = z.output<typeof PartnerUpdate>;

export const ObjectiveRef = z.object({ id: z.number().int(), code: z.string(), title: z.string() }).meta({ id: 'ObjectiveRef' });
export type ObjectiveRef = z.infer<typeof ObjectiveRef>;

export const PartnerView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    localNames: z.record(z.string(), z.string()),
    kind: PartnerKind,
    country: z.string().nullable(),
    city: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    status: PartnerStatus,
    tags: z.array(z.string()),
    owner: Person.nullable(),
    objectives: z.array(ObjectiveRef),
    charterSignedOn: IsoDate.nullable(),
    labelObtainedOn: IsoDate.nullable(),
    labelRenewalDueOn: IsoDate.nullable(),
    publicActivities: z.string().nullable(),
    publicNeeds: z.string().nullable(),
    publicEvents: z.string().nullable(),
    publicEmail: z.string().nullable(),
    publicPhone: z.string().nullable(),
    hasLogo: z.boolean(),
    isExample: z.boolean(),
    lastInteractionAt: z.date().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'Partner' });
export type PartnerView = z.infer<typeof PartnerView>;

export const PartnerListItem = PartnerView.pick({
  id: true,
  name: true,
  localNames: true,
  kind: true,
  country: true,
  city: true,
  status: true,
  tags: true,
  owner: true,
  lastInteractionAt: true,
  createdAt: true,
  deletedAt: true,
}).meta({ id: 'PartnerListItem' });
export type PartnerListItem = z.infer<typeof PartnerListItem>;

export const PartnerPage = z.object({ items: z.array(PartnerListItem), nextCursor: z.string().nullable() }).meta({ id: 'PartnerPage' });
export type PartnerPage = z.infer<typeof PartnerPage>;

export const partnerSorts = ['name', '-name', 'lastInteraction', '-lastInteraction', 'created', '-created'] as const;
export const PartnerSort = z.enum(partnerSorts, { error: 'Tri inconnu.' });
export type PartnerSort = z.infer<typeof PartnerSort>;

export const PartnerListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Text in the name, local names or city; accents and case ignored' }),
  kind: repeated(PartnerKind),
  status: repeated(PartnerStatus),
  country: repeated(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: 'Code pays à deux lettres attendu.' })),
  tag: repeated(z.string().trim().min(1).max(60)),
  owner: repeated(Id),
  objective: repeated(Id),
  deleted: z.enum(['true', 'false']).optional().meta({ description: '`true`: the deleted partners only (the trash)' }),
  sort: PartnerSort.default('name'),
});
export type PartnerListQuery = z.input<typeof PartnerListQuery>;
export type PartnerListQueryData = z.output<typeof PartnerListQuery>;

export const DuplicateCandidate = z
  .object({ id: z.number().int(), name: z.string(), kind: PartnerKind, country: z.string().nullable(), city: z.string().nullable() })
  .meta({ id: 'PartnerDuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
