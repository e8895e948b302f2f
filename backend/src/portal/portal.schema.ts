import { z } from 'zod';
import { Email, IdParams, optionalEmail, optionalPhone, optionalText, Person, Version, WebUrl } from '../common/fields.schema';
import { PartnerKind } from '../partners/partners.schema';

/** The fields of its public profile that an association may propose to change. */
export const profileFields = ['website', 'publicActivities', 'publicNeeds', 'publicEvents', 'publicEmail', 'publicPhone', 'logo'] as const;
export const ProfileField = z.enum(profileFields, { error: 'Champ inconnu.' }).meta({ id: 'ProfileField' });
export type ProfileField = z.infer<typeof ProfileField>;

export const profileUpdateStatuses = ['pending', 'accepted', 'partially_accepted', 'rejected'] as const;
export const ProfileUpdateStatus = z.enum(profileUpdateStatuses).meta({ id: 'ProfileUpdateStatus' });
export type ProfileUpdateStatus = z.infer<typeof ProfileUpdateStatus>;

/** The largest logo accepted, in bytes, and its smallest and largest sides, in pixels. */
export const logoRules = { maxBytes: 512 * 1024, minSide: 32, maxSide: 4096 } as const;

// ---------------------------------------------------------------- invitations and accounts

export const PortalInvitationRequest = z
  .object({
    email: Email,
    displayName: z.string({ error: 'Saisissez le nom de la personne.' }).trim().min(1, { error: 'Saisissez le nom de la personne.' }).max(120, { error: 'Au plus 120 caractères.' }),
  })
  .meta({ id: 'PortalInvitationRequest' });
export type PortalInvitationRequest = z.input<typeof PortalInvitationRequest>;

export const portalAccountStatuses = ['invited', 'expired', 'active', 'revoked'] as const;
export const PortalAccount = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    status: z.enum(portalAccountStatuses),
    invitedAt: z.date().nullable(),
    invitationExpiresAt: z.date().nullable(),
    lastLoginAt: z.date().nullable(),
  })
  .meta({ id: 'PortalAccount' });
export type PortalAccount = z.infer<typeof PortalAccount>;
export const PortalAccountList = z.object({ items: z.array(PortalAccount) }).meta({ id: 'PortalAccountList' });
export type PortalAccountList = z.infer<typeof PortalAccountList>;

export const InvitationToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const InvitationInfo = z
  .object({ email: z.string(), displayName: z.string(), partnerName: z.string(), expiresAt: z.date() })
  .meta({ id: 'InvitationInfo' });
export type InvitationInfo = z.infer<typeof InvitationInfo>;

export const InvitationAcceptance = z
  .object({ password: z.string({ error: 'Choisissez un mot de passe.' }).max(1000, { error: 'Mot de passe trop long.' }) })
  .meta({ id: 'InvitationAcceptance' });
export type InvitationAcceptance = z.input<typeof InvitationAcceptance>;

export const InvitationAccepted = z.object({ email: z.string() }).meta({ id: 'InvitationAccepted' });

// ---------------------------------------------------------------- the profile and its updates

export const PublicProfile = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: PartnerKind,
    city: z.string().nullable(),
    website: z.string().nullable(),
    publicActivities: z.string().nullable(),
    publicNeeds: z.string().nullable(),
    publicEvents: z.string().nullable(),
    publicEmail: z.string().nullable(),
    publicPhone: z.string().nullable(),
    logoUrl: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'PublicProfile' });
export type PublicProfile = z.infer<typeof PublicProfile>;

/** One field of an update: its value when proposed, as proposed, and now; in conflict when "now" moved. */
export const ProfileFieldChange = z
  .object({
    field: ProfileField,
    before: z.string().nullable(),
    proposed: z.string().nullable(),
    current: z.string().nullable(),
    conflict: z.boolean(),
    accepted: z.boolean().nullable(),
  })
  .meta({ id: 'ProfileFieldChange' });
export type ProfileFieldChange = z.infer<typeof ProfileFieldChange>;

export const ProfileUpdateView = z
  .object({
    id: z.number().int(),
    partner: z.object({ id: z.number().int(), name: z.string() }),
    status: ProfileUpdateStatus,
    submittedAt: z.date(),
    submittedBy: Person.nullable(),
    changes: z.array(ProfileFieldChange),
    stale: z.boolean().meta({ description: 'The partner changed since the proposal (see each change\'s `conflict`)' }),
    reviewMessage: z.string().nullable(),
    reviewedAt: z.date().nullable(),
    reviewedBy: Person.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ProfileUpdate' });
export type ProfileUpdateView = z.infer<typeof ProfileUpdateView>;

export const ProfileUpdateList = z.object({ items: z.array(ProfileUpdateView) }).meta({ id: 'ProfileUpdateList' });
export type ProfileUpdateList = z.infer<typeof ProfileUpdateList>;

export const ProfileUpdateListQuery = z.object({
  status: z.enum(['pending', 'reviewed'], { error: 'Statut inconnu.' }).default('pending'),
  partner: z.coerce.number().int().positive().optional(),
});

export const PortalHome = z
  .object({ profile: PublicProfile, pending: ProfileUpdateView.nullable(), reviewed: z.array(ProfileUpdateView) })
  .meta({ id: 'PortalHome' });
export type PortalHome = z.infer<typeof PortalHome>;

/** A logo as base64 (a data: URL is accepted too); null removes the logo. */
const LogoData = z
  .string({ error: 'Image attendue.' })
  .max(Math.ceil((logoRules.maxBytes * 4) / 3) + 100, { error: `Le logo dépasse ${logoRules.maxBytes / 1024} Ko.` })
  .regex(/^(data:[a-z/+.-]+;base64,)?[A-Za-z0-9+/=\s]+$/, { error: 'Image illisible : choisissez un fichier PNG, JPEG ou WebP.' });

export const ProfileUpdateRequest = z
  .object({
    version: Version,
    website: WebUrl.nullable()
      .optional()
      .or(z.literal('').transform(() => null)),
    publicActivities: optionalText(5_000, 'Le texte'),
    publicNeeds: optionalText(5_000, 'Le texte'),
    publicEvents: optionalText(5_000, 'Le texte'),
    publicEmail: optionalEmail,
    publicPhone: optionalPhone,
    logo: LogoData.nullable().optional(),
  })
  .meta({ id: 'ProfileUpdateRequest' });
export type ProfileUpdateRequest = z.input<typeof ProfileUpdateRequest>;
export type ProfileUpdateRequestData = z.output<typeof ProfileUpdateRequest>;

export const ProfileReview = z
  .object({
    version: Version,
    decision: z.enum(['accept', 'reject'], { error: 'Choisissez : accepter ou refuser.' }),
    fields: z.array(ProfileField, { error: 'Liste de champs attendue.' }).max(profileFields.length).optional().meta({ description: 'The fields to accept (all when absent)' }),
    message: optionalText(2_000, 'Le message'),
    applyDespiteConflict: z.boolean().optional().meta({ description: 'Accept fields that changed on the partner since the proposal' }),
  })
  .meta({ id: 'ProfileReview' });
export type ProfileReview = z.input<typeof ProfileReview>;
export type ProfileReviewData = z.output<typeof ProfileReview>;

export { IdParams };
