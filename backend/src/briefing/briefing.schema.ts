import { z } from 'zod';
import { IsoDate } from '../common/fields.schema';
import { InteractionType } from '../interactions/interactions.schema';
import { ObjectiveRef, PartnerKind, PartnerStatus } from '../partners/partners.schema';
import { ProjectKind, ProjectStatus } from '../projects/projects.schema';
import { VisitDirection, VisitView } from '../visits/visits.schema';

export const BriefingPerson = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.string().nullable(),
    jobTitle: z.string().nullable(),
    languages: z.array(z.string()),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
  })
  .meta({ id: 'BriefingPerson' });
export type BriefingPerson = z.infer<typeof BriefingPerson>;

export const BriefingProject = z
  .object({
    id: z.number().int(),
    title: z.string(),
    kind: ProjectKind,
    status: ProjectStatus,
    startsOn: IsoDate.nullable(),
    endsOn: IsoDate.nullable(),
    nextMilestone: z.object({ title: z.string(), dueOn: IsoDate.nullable() }).nullable(),
  })
  .meta({ id: 'BriefingProject' });
export type BriefingProject = z.infer<typeof BriefingProject>;

export const BriefingInteraction = z
  .object({
    id: z.number().int(),
    occurredAt: z.date(),
    type: InteractionType,
    subject: z.string(),
    location: z.string().nullable(),
    contacts: z.array(z.string()),
  })
  .meta({ id: 'BriefingInteraction' });
export type BriefingInteraction = z.infer<typeof BriefingInteraction>;

export const BriefingFollowUp = z
  .object({ id: z.number().int(), title: z.string(), dueOn: IsoDate, overdue: z.boolean(), assignee: z.string().nullable() })
  .meta({ id: 'BriefingFollowUp' });
export type BriefingFollowUp = z.infer<typeof BriefingFollowUp>;

export const BriefingVisitRef = z
  .object({ id: z.number().int(), title: z.string(), direction: VisitDirection, startsOn: IsoDate, endsOn: IsoDate })
  .meta({ id: 'BriefingVisitRef' });

/** What the mayor should know about one partner. */
export const PartnerBrief = z
  .object({
    id: z.number().int(),
    name: z.string(),
    localNames: z.record(z.string(), z.string()),
    kind: PartnerKind,
    status: PartnerStatus,
    country: z.string().nullable(),
    city: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    charterSignedOn: IsoDate.nullable(),
    twinningYears: z.number().int().nullable().meta({ description: 'Full years since the charter was signed' }),
    labelObtainedOn: IsoDate.nullable(),
    labelRenewalDueOn: IsoDate.nullable(),
    relationships: z.array(z.object({ type: z.string(), partner: z.string(), direction: z.enum(['outgoing', 'incoming']) })),
    keyPeople: z.array(BriefingPerson),
    interactionCount: z.number().int(),
    firstContact: BriefingInteraction.nullable().meta({ description: 'The first interaction on record' }),
    lastInteractions: z.array(BriefingInteraction).meta({ description: 'The ten latest interactions, newest first' }),
    openFollowUps: z.array(BriefingFollowUp),
    runningProjects: z.array(BriefingProject),
    objectives: z.array(ObjectiveRef),
    pastVisits: z.array(BriefingVisitRef),
  })
  .meta({ id: 'PartnerBrief' });
export type PartnerBrief = z.infer<typeof PartnerBrief>;

export const BriefingPack = z
  .object({
    generatedAt: z.date(),
    visit: VisitView.nullable(),
    partners: z.array(PartnerBrief),
    objectives: z.array(ObjectiveRef),
  })
  .meta({ id: 'BriefingPack' });
export type BriefingPack = z.infer<typeof BriefingPack>;
