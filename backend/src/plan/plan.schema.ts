import { z } from 'zod';
import { IsoDate } from '../common/fields.schema';
import { InteractionType } from '../interactions/interactions.schema';
import { ProjectKind, ProjectStatus, Ref } from '../projects/projects.schema';
import { VisitDirection } from '../visits/visits.schema';

const Month = z.string().regex(/^\d{4}-\d{2}$/);

export const PlanPeriodQuery = z
  .object({
    axis: z.string().trim().max(5).optional().meta({ description: 'The axis (I, II); all axes when absent' }),
    from: IsoDate.optional().meta({ description: 'First day of the period (12 months before `to` by default)' }),
    to: IsoDate.optional().meta({ description: 'Last day of the period (today by default)' }),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { error: 'La fin de la période précède son début.', path: ['to'] });
export type PlanPeriodQuery = z.output<typeof PlanPeriodQuery>;

export const ActivityMonth = z
  .object({
    month: Month,
    interactions: z.number().int(),
    visits: z.number().int(),
    milestones: z.number().int().meta({ description: 'Milestones completed that month' }),
  })
  .meta({ id: 'ActivityMonth' });
export type ActivityMonth = z.infer<typeof ActivityMonth>;

export const PlanProject = z
  .object({ id: z.number().int(), title: z.string(), kind: ProjectKind, status: ProjectStatus, startsOn: IsoDate.nullable(), endsOn: IsoDate.nullable() })
  .meta({ id: 'PlanProject' });
export const PlanVisit = z
  .object({ id: z.number().int(), title: z.string(), direction: VisitDirection, startsOn: IsoDate, endsOn: IsoDate })
  .meta({ id: 'PlanVisit' });
export const PlanMilestone = z
  .object({ title: z.string(), completedOn: IsoDate, project: Ref })
  .meta({ id: 'PlanMilestone' });

export const PlanInteraction = z
  .object({ id: z.number().int(), occurredAt: z.date(), type: InteractionType, subject: z.string(), partners: z.array(z.string()) })
  .meta({ id: 'PlanInteraction' });
export const PlanFollowUp = z
  .object({ id: z.number().int(), title: z.string(), dueOn: IsoDate, overdue: z.boolean() })
  .meta({ id: 'PlanFollowUp' });

export const ObjectiveProgress = z
  .object({
    id: z.number().int(),
    code: z.string(),
    axis: z.string(),
    axisTitle: z.string(),
    title: z.string(),
    partners: z.array(Ref),
    projects: z.array(PlanProject),
    visits: z.array(PlanVisit),
    milestonesCompleted: z.array(PlanMilestone),
    interactionCount: z.number().int().meta({ description: 'Interactions serving the objective in the period' }),
    latestInteractions: z.array(PlanInteraction).meta({ description: 'The five latest of the period' }),
    openFollowUps: z.array(PlanFollowUp).meta({ description: 'Open follow-ups of the objective’s interactions (whatever their date), soonest first, ten at most' }),
    openFollowUpCount: z.number().int(),
    activity: z.array(ActivityMonth),
  })
  .meta({ id: 'ObjectiveProgress' });
export type ObjectiveProgress = z.infer<typeof ObjectiveProgress>;

export const PlanOverview = z
  .object({ from: IsoDate, to: IsoDate, objectives: z.array(ObjectiveProgress) })
  .meta({ id: 'PlanOverview' });
export type PlanOverview = z.infer<typeof PlanOverview>;

export const AnnualReportQuery = z.object({
  year: z.coerce
    .number({ error: 'Année attendue (exemple : 2026).' })
    .int({ error: 'Année attendue (exemple : 2026).' })
    .min(2000, { error: 'Année à partir de 2000.' })
    .max(2100, { error: 'Année jusqu’à 2100.' }),
});

export const AnnualReport = z
  .object({
    year: z.number().int(),
    generatedAt: z.date(),
    totals: z.object({ interactions: z.number().int(), visits: z.number().int(), projects: z.number().int(), milestonesCompleted: z.number().int(), partners: z.number().int() }),
    monthly: z.array(ActivityMonth).meta({ description: 'All objectives together, each record counted once' }),
    objectives: z.array(ObjectiveProgress),
  })
  .meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof AnnualReport>;
