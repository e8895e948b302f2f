import { z } from 'zod';
import { Id, optionalDate, optionalText } from '../common/fields.schema';

export const relationshipTypes = ['member_of', 'part_of', 'twinned_with', 'partner_of', 'funded_by', 'supports'] as const;
export const RelationshipType = z.enum(relationshipTypes, { error: 'Type de lien inconnu.' }).meta({ id: 'RelationshipType' });
export type RelationshipType = z.infer<typeof RelationshipType>;

/** Links that read the same from both sides: "A twinned_with B" is "B twinned_with A". */
export const symmetricRelationshipTypes: readonly RelationshipType[] = ['twinned_with', 'partner_of'];

export const RelationshipCreate = z
  .object({
    type: RelationshipType,
    sourcePartnerId: Id,
    targetPartnerId: Id,
    startedOn: optionalDate,
    endedOn: optionalDate,
    note: optionalText(500, 'La note'),
  })
  .meta({ id: 'RelationshipCreate' });
export type RelationshipCreate = z.input<typeof RelationshipCreate>;
export type RelationshipCreateData = z.output<typeof RelationshipCreate>;

export const RelatedPartner = z
  .object({ id: z.number().int(), name: z.string(), kind: z.string(), country: z.string().nullable() })
  .meta({ id: 'RelatedPartner' });
export type RelatedPartner = z.infer<typeof RelatedPartner>;

export const RelationshipView = z
  .object({
    id: z.number().int(),
    type: RelationshipType,
    source: RelatedPartner,
    target: RelatedPartner,
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'Relationship' });
export type RelationshipView = z.infer<typeof RelationshipView>;

export const RelationshipList = z.object({ items: z.array(RelationshipView) }).meta({ id: 'RelationshipList' });
export type RelationshipList = z.infer<typeof RelationshipList>;

export const RelationshipListQuery = z.object({ partner: Id.meta({ description: 'The partner whose links are listed, both ways' }) });
