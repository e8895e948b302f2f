import { z } from 'zod';
import { Id, IsoDate, optionalDate, optionalText, repeated, requiredText, Version } from '../common/fields.schema';
import { PageQuery } from '../http/pagination.schema';
import { ObjectiveRef } from '../partners/partners.schema';

export const projectKinds = ['call_for_projects', 'label_candidacy', 'exchange', 'cooperation', 'solidarity_campaign', 'event'] as const;
export const ProjectKind = z.enum(projectKinds, { error: 'Type de projet inconnu.' }).meta({ id: 'ProjectKind' });
export type ProjectKind = z.infer<typeof ProjectKind>;

export const projectStatuses = ['planned', 'running', 'completed', 'cancelled'] as const;
export const ProjectStatus = z.enum(projectStatuses, { error: 'Statut inconnu : prévu, en cours, terminé ou abandonné.' }).meta({ id: 'ProjectStatus' });
export type ProjectStatus = z.infer<typeof ProjectStatus>;

const idList = (what: string) => z.array(Id, { error: `Liste ${what} attendue.` }).max(50, { error: `Au plus 50 ${what.replace(/^d[’e] ?/, '')}.` });

export const MilestoneInput = z
  .object({
    title: requiredText(200, 'L’intitulé de l’étape'),
    dueOn: optionalDate,
    completedOn: optionalDate,
  })
  .meta({ id: 'MilestoneInput' });
export type MilestoneInput = z.input<typeof MilestoneInput>;
export type MilestoneData = z.output<typeof MilestoneInput>;

/** Euros with at most two decimals, 0 to 20 million. */
const Budget = z
  .number({ error: 'Montant en euros attendu.' })
  .min(0, { error: 'Le budget ne peut pas être négatif.' })
  .max(20_000_000, { error: 'Le budget dépasse 20 millions d’euros.' })
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, { error: 'Deux décimales au plus (centimes).' });

const projectFields = {
  title: requiredText(200, 'Le titre'),
  kind: ProjectKind,
  status: ProjectStatus.optional(),
  startsOn: optionalDate,
  endsOn: optionalDate,
  budget: Budget.nullable().optional(),
  description: optionalText(10_000, 'La description'),
  partnerIds: idList('de partenaires').optional(),
  contactIds: idList('de contacts').optional(),
  objectiveIds: idList('d’objectifs').optional(),
  milestones: z.array(MilestoneInput, { error: 'Liste d’étapes attendue.' }).max(50, { error: 'Au plus 50 étapes.' }).optional(),
};

export const ProjectCreate = z.object(projectFields).meta({ id: 'ProjectCreate' });
export type ProjectCreate = z.input<typeof ProjectCreate>;
export type ProjectCreateData = z.output<typeof ProjectCreate>;

const { title, kind, ...optionalFields } = projectFields;
export const ProjectUpdate = z
  .object({ title: title.optional(), kind: kind.optional(), ...optionalFields, version: Version })
  .meta({ id: 'ProjectUpdate' });
export type ProjectUpdate = z.input<typeof ProjectUpdate>;
export type ProjectUpdateData = z.output<typeof ProjectUpdate>;

export const Ref = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'RecordRef' });
export type Ref = z.infer<typeof Ref>;
export { ObjectiveRef } from '../partners/partners.schema';

export const MilestoneView = z
  .object({ id: z.number().int(), title: z.string(), dueOn: IsoDate.nullable(), completedOn: IsoDate.nullable() })
  .meta({ id: 'Milestone' });
export type MilestoneView = z.infer<typeof MilestoneView>;

export const ProjectView = z
  .object({
    id: z.number().int(),
    title: z.string(),
    kind: ProjectKind,
    status: ProjectStatus,
    startsOn: IsoDate.nullable(),
    endsOn: IsoDate.nullable(),
    budget: z.number().nullable(),
    description: z.string().nullable(),
    partners: z.array(Ref),
    contacts: z.array(Ref),
    objectives: z.array(ObjectiveRef),
    milestones: z.array(MilestoneView),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'Project' });
export type ProjectView = z.infer<typeof ProjectView>;

export const ProjectPage = z.object({ items: z.array(ProjectView), nextCursor: z.string().nullable() }).meta({ id: 'ProjectPage' });
export type ProjectPage = z.infer<typeof ProjectPage>;

export const projectSorts = ['title', '-title', 'starts', '-starts', 'created', '-created'] as const;

export const ProjectListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Words of the title; accents and case ignored' }),
  kind: repeated(ProjectKind),
  status: repeated(ProjectStatus),
  partner: repeated(Id),
  objective: repeated(Id),
  sort: z.enum(projectSorts, { error: 'Tri inconnu.' }).default('-starts'),
});
export type ProjectListQuery = z.input<typeof ProjectListQuery>;
export type ProjectListQueryData = z.output<typeof ProjectListQuery>;

/** A milestone due soon (or overdue) with its project, for the home page. */
export const DueMilestone = z
  .object({ id: z.number().int(), title: z.string(), dueOn: IsoDate, project: z.object({ id: z.number().int(), title: z.string() }) })
  .meta({ id: 'DueMilestone' });
export type DueMilestone = z.infer<typeof DueMilestone>;

export const DueMilestoneQuery = z.object({
  days: z.coerce.number({ error: 'Nombre de jours attendu.' }).int({ error: 'Nombre de jours attendu.' }).min(1).max(365).default(30),
});
export const DueMilestoneList = z.object({ items: z.array(DueMilestone) }).meta({ id: 'DueMilestoneList' });
export type DueMilestoneList = z.infer<typeof DueMilestoneList>;
