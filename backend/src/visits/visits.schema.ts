import { z } from 'zod';
import { Id, IsoDate, optionalText, repeated, requiredText, Version } from '../common/fields.schema';
import { PageQuery } from '../http/pagination.schema';
import { ObjectiveRef, Ref } from '../projects/projects.schema';

export const visitDirections = ['outgoing', 'incoming'] as const;
export const VisitDirection = z
  .enum(visitDirections, { error: 'Sens inconnu : déplacement (outgoing) ou accueil d’une délégation (incoming).' })
  .meta({ id: 'VisitDirection' });
export type VisitDirection = z.infer<typeof VisitDirection>;

export const delegationSides = ['town', 'partner'] as const;

export const DelegationMember = z
  .object({
    side: z.enum(delegationSides, { error: 'Côté inconnu : la ville (town) ou le partenaire (partner).' }),
    name: requiredText(200, 'Le nom'),
    role: optionalText(200, 'La fonction'),
  })
  .meta({ id: 'DelegationMember' });
export type DelegationMember = z.output<typeof DelegationMember>;

export const ProgrammeItem = z
  .object({
    day: IsoDate,
    time: z
      .string({ error: 'Heure attendue (HH:MM).' })
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Heure attendue au format HH:MM (exemple : 09:30).' })
      .nullable()
      .optional()
      .or(z.literal('').transform(() => null)),
    place: optionalText(200, 'Le lieu'),
    what: requiredText(500, 'L’activité'),
  })
  .meta({ id: 'ProgrammeItem' });
export type ProgrammeItem = z.output<typeof ProgrammeItem>;

const Place = z.string({ error: 'Lieu attendu.' }).trim().min(1, { error: 'Lieu vide.' }).max(200, { error: 'Un lieu compte 200 caractères au plus.' });

const visitFields = {
  title: requiredText(200, 'Le titre'),
  direction: VisitDirection,
  startsOn: IsoDate,
  endsOn: IsoDate,
  places: z.array(Place, { error: 'Liste de lieux attendue.' }).max(20, { error: 'Au plus 20 lieux.' }).optional(),
  partnerIds: z.array(Id, { error: 'Liste de partenaires attendue.' }).max(20, { error: 'Au plus 20 partenaires.' }).optional(),
  objectiveIds: z.array(Id, { error: 'Liste d’objectifs attendue.' }).max(20, { error: 'Au plus 20 objectifs.' }).optional(),
  delegation: z.array(DelegationMember, { error: 'Liste de membres attendue.' }).max(100, { error: 'Au plus 100 membres.' }).optional(),
  programme: z.array(ProgrammeItem, { error: 'Liste d’étapes du programme attendue.' }).max(100, { error: 'Au plus 100 étapes.' }).optional(),
  notesForMayor: optionalText(20_000, 'La note'),
};

export const VisitCreate = z.object(visitFields).meta({ id: 'VisitCreate' });
export type VisitCreate = z.input<typeof VisitCreate>;
export type VisitCreateData = z.output<typeof VisitCreate>;

const { title, direction, startsOn, endsOn, ...optionalFields } = visitFields;
export const VisitUpdate = z
  .object({ title: title.optional(), direction: direction.optional(), startsOn: startsOn.optional(), endsOn: endsOn.optional(), ...optionalFields, version: Version })
  .meta({ id: 'VisitUpdate' });
export type VisitUpdate = z.input<typeof VisitUpdate>;
export type VisitUpdateData = z.output<typeof VisitUpdate>;

const DelegationMemberView = z.object({ side: z.enum(delegationSides), name: z.string(), role: z.string().nullable() });
const ProgrammeItemView = z.object({ day: IsoDate, time: z.string().nullable(), place: z.string().nullable(), what: z.string() });

export const VisitView = z
  .object({
    id: z.number().int(),
    title: z.string(),
    direction: VisitDirection,
    startsOn: IsoDate,
    endsOn: IsoDate,
    places: z.array(z.string()),
    partners: z.array(Ref),
    objectives: z.array(ObjectiveRef),
    delegation: z.array(DelegationMemberView),
    programme: z.array(ProgrammeItemView),
    notesForMayor: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'Visit' });
export type VisitView = z.infer<typeof VisitView>;

export const VisitPage = z.object({ items: z.array(VisitView), nextCursor: z.string().nullable() }).meta({ id: 'VisitPage' });
export type VisitPage = z.infer<typeof VisitPage>;

export const visitSorts = ['starts', '-starts', 'created', '-created'] as const;

export const VisitListQuery = PageQuery.extend({
  direction: repeated(VisitDirection),
  partner: repeated(Id),
  objective: repeated(Id),
  sort: z.enum(visitSorts, { error: 'Tri inconnu.' }).default('-starts'),
});
export type VisitListQuery = z.input<typeof VisitListQuery>;
export type VisitListQueryData = z.output<typeof VisitListQuery>;
