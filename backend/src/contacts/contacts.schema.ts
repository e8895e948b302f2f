import { z } from 'zod';
import {
  Email,
  Id,
  IsoDate,
  LanguageCode,
  optionalCountry,
  optionalDate,
  optionalText,
  Phone,
  repeated,
  requiredText,
  Version,
} from '../common/fields.schema';
import { PageQuery } from '../http/pagination.schema';

export const legalBases = ['public_task', 'legitimate_interest', 'consent'] as const;
export const LegalBasis = z
  .enum(legalBases, { error: 'Base légale inconnue : mission de service public, intérêt légitime ou consentement.' })
  .meta({ id: 'LegalBasis' });
export type LegalBasis = z.infer<typeof LegalBasis>;

export const AffiliationInput = z
  .object({
    partnerId: Id,
    role: optionalText(200, 'La fonction'),
    startedOn: optionalDate,
    endedOn: optionalDate,
  })
  .meta({ id: 'AffiliationInput' });
export type AffiliationInput = z.input<typeof AffiliationInput>;
export type AffiliationData = z.output<typeof AffiliationInput>;

const contactFields = {
  firstName: optionalText(100, 'Le prénom'),
  lastName: requiredText(100, 'Le nom'),
  jobTitle: optionalText(200, 'La fonction'),
  country: optionalCountry,
  emails: z.array(Email, { error: 'Liste d’adresses attendue.' }).max(10, { error: 'Au plus 10 adresses.' }).optional(),
  phones: z.array(Phone, { error: 'Liste de numéros attendue.' }).max(10, { error: 'Au plus 10 numéros.' }).optional(),
  languages: z.array(LanguageCode, { error: 'Liste de langues attendue.' }).max(20).optional(),
  notes: optionalText(10_000, 'La note'),
  legalBasis: LegalBasis,
  consentOn: optionalDate,
  consentSource: optionalText(300, 'La source du consentement'),
  affiliations: z.array(AffiliationInput, { error: 'Liste de rattachements attendue.' }).max(50).optional(),
};

export const ContactCreate = z
  .object({ ...contactFields, confirmDuplicate: z.boolean().optional() })
  .meta({ id: 'ContactCreate' });
export type ContactCreate = z.input<typeof ContactCreate>;
export type ContactCreateData = z.output<typeof ContactCreate>;

const { lastName, legalBasis, ...optionalFields } = contactFields;
export const ContactUpdate = z
  .object({ lastName: lastName.optional(), legalBasis: legalBasis.optional(), ...optionalFields, version: Version })
  .meta({ id: 'ContactUpdate' });
export type ContactUpdate = z.input<typeof ContactUpdate>;
export type ContactUpdateData = z.output<typeof ContactUpdate>;

export const AffiliationView = z
  .object({
    id: z.number().int(),
    partner: z.object({ id: z.number().int(), name: z.string(), kind: z.string(), country: z.string().nullable() }),
    role: z.string().nullable(),
    startedOn: IsoDate.nullable(),
    endedOn: IsoDate.nullable(),
  })
  .meta({ id: 'Affiliation' });
export type AffiliationView = z.infer<typeof AffiliationView>;

export const ContactView = z
  .object({
    id: z.number().int(),
    firstName: z.string().nullable(),
    lastName: z.string(),
    fullName: z.string(),
    jobTitle: z.string().nullable(),
    country: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    languages: z.array(z.string()),
    notes: z.string().nullable(),
    legalBasis: LegalBasis,
    consentOn: IsoDate.nullable(),
    consentSource: z.string().nullable(),
    erasedAt: z.date().nullable().meta({ description: 'When the person was erased (GDPR); the record is then anonymised' }),
    affiliations: z.array(AffiliationView),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'Contact' });
export type ContactView = z.infer<typeof ContactView>;

export const ContactListItem = ContactView.pick({
  id: true,
  firstName: true,
  lastName: true,
  fullName: true,
  jobTitle: true,
  country: true,
  emails: true,
  languages: true,
  affiliations: true,
  createdAt: true,
  deletedAt: true,
}).meta({ id: 'ContactListItem' });
export type ContactListItem = z.infer<typeof ContactListItem>;

export const ContactPage = z.object({ items: z.array(ContactListItem), nextCursor: z.string().nullable() }).meta({ id: 'ContactPage' });
export type ContactPage = z.infer<typeof ContactPage>;

export const contactSorts = ['name', '-name', 'created', '-created'] as const;

export const ContactListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Text in the names, job title or e-mails; accents and case ignored' }),
  partner: repeated(Id),
  role: z.string().trim().max(200).optional().meta({ description: 'Text in the role at a partner; accents and case ignored' }),
  language: repeated(LanguageCode),
  country: repeated(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: 'Code pays à deux lettres attendu.' })),
  deleted: z.enum(['true', 'false']).optional(),
  sort: z.enum(contactSorts, { error: 'Tri inconnu.' }).default('name'),
});
export type ContactListQuery = z.input<typeof ContactListQuery>;
export type ContactListQueryData = z.output<typeof ContactListQuery>;

export const ContactDuplicateCandidate = z
  .object({ id: z.number().int(), fullName: z.string(), emails: z.array(z.string()), reason: z.enum(['email', 'name_and_partner']) })
  .meta({ id: 'ContactDuplicateCandidate' });
export type ContactDuplicateCandidate = z.infer<typeof ContactDuplicateCandidate>;
