import { z } from 'zod';
import { Id, IsoDate, optionalText, Person, repeated, requiredText, Version } from '../common/fields.schema';
import { PageQuery } from '../http/pagination.schema';

export const followUpStatuses = ['open', 'done', 'cancelled'] as const;
export const FollowUpStatus = z.enum(followUpStatuses, { error: 'Statut inconnu : à faire, fait ou annulé.' }).meta({ id: 'FollowUpStatus' });
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

const DueOn = z.iso.date({ error: 'Échéance attendue au format AAAA-MM-JJ.' });

/** A follow-up written inside an interaction's quick log: it is linked to that interaction. */
export const FollowUpDraft = z
  .object({
    title: requiredText(300, 'L’intitulé du suivi'),
    dueOn: DueOn,
    assigneeUserId: Id,
    notes: optionalText(5_000, 'La note'),
  })
  .meta({ id: 'FollowUpDraft' });
export type FollowUpDraft = z.input<typeof FollowUpDraft>;
export type FollowUpDraftData = z.output<typeof FollowUpDraft>;

export const FollowUpCreate = FollowUpDraft.extend({
  interactionId: Id.nullable().optional(),
  partnerId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
}).meta({ id: 'FollowUpCreate' });
export type FollowUpCreate = z.input<typeof FollowUpCreate>;
export type FollowUpCreateData = z.output<typeof FollowUpCreate>;

/** Complete (`status: done`), reopen (`open`), cancel, reassign (`assigneeUserId`), postpone (`dueOn`), rename. */
export const FollowUpUpdate = z
  .object({
    title: requiredText(300, 'L’intitulé du suivi').optional(),
    dueOn: DueOn.optional(),
    assigneeUserId: Id.optional(),
    notes: optionalText(5_000, 'La note'),
    status: FollowUpStatus.optional(),
    partnerId: Id.nullable().optional(),
    contactId: Id.nullable().optional(),
    version: Version,
  })
  .meta({ id: 'FollowUpUpdate' });
export type FollowUpUpdate = z.input<typeof FollowUpUpdate>;
export type FollowUpUpdateData = z.output<typeof FollowUpUpdate>;

export const FollowUpView = z
  .object({
    id: z.number().int(),
    title: z.string(),
    notes: z.string().nullable(),
    dueOn: IsoDate,
    status: FollowUpStatus,
    assignee: Person,
    interaction: z.object({ id: z.number().int(), subject: z.string(), type: z.string(), occurredAt: z.date() }).nullable(),
    partner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    contact: z.object({ id: z.number().int(), fullName: z.string() }).nullable(),
    /** Open and due before today (in the town's time zone). */
    overdue: z.boolean(),
    /** Due before the day of its interaction: accepted, but probably a typing mistake. */
    dueBeforeInteraction: z.boolean(),
    completedAt: z.date().nullable(),
    createdBy: Person.nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'FollowUp' });
export type FollowUpView = z.infer<typeof FollowUpView>;

export const FollowUpPage = z.object({ items: z.array(FollowUpView), nextCursor: z.string().nullable() }).meta({ id: 'FollowUpPage' });
export type FollowUpPage = z.infer<typeof FollowUpPage>;

export const followUpSorts = ['due', '-due', 'created', '-created'] as const;

export const FollowUpListQuery = PageQuery.extend({
  assignee: repeated(z.union([z.literal('me'), Id], { error: 'Responsable : « me » ou un identifiant.' })),
  status: repeated(FollowUpStatus),
  partner: repeated(Id),
  contact: repeated(Id),
  interaction: repeated(Id),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
  overdue: z.enum(['true', 'false']).optional().meta({ description: '`true`: open and due before today' }),
  deleted: z.enum(['true', 'false']).optional(),
  sort: z.enum(followUpSorts, { error: 'Tri inconnu.' }).default('due'),
});
export type FollowUpListQuery = z.input<typeof FollowUpListQuery>;
export type FollowUpListQueryData = z.output<typeof FollowUpListQuery>;

export const Assignee = Person.extend({ role: z.string() }).meta({ id: 'Assignee' });
export const AssigneeList = z.object({ items: z.array(Assignee) }).meta({ id: 'AssigneeList' });
export type AssigneeList = z.infer<typeof AssigneeList>;

export const CalendarFeedStatus = z
  .object({ active: z.boolean(), createdAt: z.date().nullable(), lastUsedAt: z.date().nullable() })
  .meta({ id: 'CalendarFeedStatus' });
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

export const CalendarFeedCreated = z
  .object({ url: z.string().meta({ description: 'The secret address, shown once: keep it private' }), createdAt: z.date() })
  .meta({ id: 'CalendarFeedCreated' });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

/** `<43 base64url characters>.ics`; anything else is simply not found. */
export const CalendarFeedParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/) });
