import { z } from 'zod';
import { Id, optionalText, Person, repeated, requiredText, Version, IsoDate } from '../common/fields.schema';
import { FollowUpDraft, FollowUpView } from '../follow-ups/follow-ups.schema';
import { PageQuery } from '../http/pagination.schema';
import { ObjectiveRef } from '../partners/partners.schema';

export const interactionTypes = ['meeting', 'call', 'email', 'visit', 'event', 'video_call', 'letter', 'other'] as const;
export const InteractionType = z
  .enum(interactionTypes, { error: 'Type inconnu : réunion, appel, e-mail, visite, événement, visioconférence, courrier ou autre.' })
  .meta({ id: 'InteractionType' });
export type InteractionType = z.infer<typeof InteractionType>;

const OccurredAt = z.iso
  .datetime({ offset: true, error: 'Date et heure attendues (ISO 8601, exemple : 2026-11-30T14:30:00+01:00).' })
  .transform((value) => new Date(value));

const ids = (what: string) => z.array(Id, { error: `Liste ${what} attendue.` }).max(50, { error: 'Au plus 50.' });

const interactionFields = {
  type: InteractionType,
  occurredAt: OccurredAt.optional().meta({ description: 'Default: now' }),
  subject: requiredText(300, 'L’objet'),
  notes: optionalText(20_000, 'Le compte rendu'),
  location: optionalText(300, 'Le lieu'),
  partnerIds: ids('de partenaires').optional(),
  contactIds: ids('de contacts').optional(),
  participantIds: ids('de participants').optional(),
  objectiveIds: ids('d’objectifs').optional(),
};

/** The quick log: the interaction and its follow-ups, saved in one request and one transaction. */
export const InteractionCreate = z
  .object({ ...interactionFields, followUps: z.array(FollowUpDraft, { error: 'Liste de suivis attendue.' }).max(20, { error: 'Au plus 20 suivis.' }).optional() })
  .meta({ id: 'InteractionCreate' });
export type InteractionCreate = z.input<typeof InteractionCreate>;
export type InteractionCreateData = z.output<typeof InteractionCreate>;

const { type, subject, ...optionalFields } = interactionFields;
export const InteractionUpdate = z
  .object({ type: type.optional(), subject: subject.optional(), ...optionalFields, version: Version })
  .meta({ id: 'InteractionUpdate' });
export type InteractionUpdate = z.input<typeof InteractionUpdate>;
export type InteractionUpdateData = z.output<typeof InteractionUpdate>;

export const PartnerRef = z.object({ id: z.number().int(), name: z.string(), kind: z.string() }).meta({ id: 'PartnerRef' });
export const ContactRef = z.object({ id: z.number().int(), fullName: z.string() }).meta({ id: 'ContactRef' });

export const InteractionListItem = z
  .object({
    id: z.number().int(),
    type: InteractionType,
    occurredAt: z.date(),
    subject: z.string(),
    notes: z.string().nullable(),
    location: z.string().nullable(),
    partners: z.array(PartnerRef),
    contacts: z.array(ContactRef),
    participants: z.array(Person),
    objectives: z.array(ObjectiveRef),
    createdBy: Person.nullable(),
    createdAt: z.date(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'InteractionListItem' });
export type InteractionListItem = z.infer<typeof InteractionListItem>;

export const InteractionView = InteractionListItem.extend({
  followUps: z.array(FollowUpView),
  version: z.number().int(),
  updatedAt: z.date(),
}).meta({ id: 'Interaction' });
export type InteractionView = z.infer<typeof InteractionView>;

export const InteractionPage = z.object({ items: z.array(InteractionListItem), nextCursor: z.string().nullable() }).meta({ id: 'InteractionPage' });
export type InteractionPage = z.infer<typeof InteractionPage>;

export const interactionSorts = ['occurred', '-occurred'] as const;

export const InteractionListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Words in the subject, place or notes; accents and case ignored' }),
  partner: repeated(Id),
  contact: repeated(Id),
  type: repeated(InteractionType),
  objective: repeated(Id),
  participant: repeated(z.union([z.literal('me'), Id])),
  from: IsoDate.optional().meta({ description: 'On or after this day' }),
  to: IsoDate.optional().meta({ description: 'On or before this day' }),
  deleted: z.enum(['true', 'false']).optional(),
  sort: z.enum(interactionSorts, { error: 'Tri inconnu.' }).default('-occurred'),
});
export type InteractionListQuery = z.input<typeof InteractionListQuery>;
export type InteractionListQueryData = z.output<typeof InteractionListQuery>;

// ---------------------------------------------------------------- timelines

export const timelineKinds = ['interaction', 'follow_up', 'change'] as const;
export const TimelineKind = z.enum(timelineKinds, { error: 'Type inconnu : interaction, follow_up ou change.' });
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineChange = z.object({
  id: z.number().int(),
  entityType: z.string(),
  action: z.string(),
  actor: Person.nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export const TimelineEntry = z
  .object({
    kind: TimelineKind,
    at: z.date(),
    interaction: InteractionListItem.optional(),
    followUp: FollowUpView.optional(),
    change: TimelineChange.optional(),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelinePage = z.object({ items: z.array(TimelineEntry), nextCursor: z.string().nullable() }).meta({ id: 'TimelinePage' });
export type TimelinePage = z.infer<typeof TimelinePage>;

export const TimelineQuery = PageQuery.extend({
  kind: repeated(TimelineKind),
  type: repeated(InteractionType).meta({ description: 'Interaction types, when interactions are shown' }),
});
export type TimelineQuery = z.input<typeof TimelineQuery>;
export type TimelineQueryData = z.output<typeof TimelineQuery>;
