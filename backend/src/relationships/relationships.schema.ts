import { z } from 'zod';

export const relationshipTypes = ['member_of', 'part_of', 'twinned_with', 'partner_of', 'funded_by', 'supports'] as const;
export const RelationshipType = z.enum(relationshipTypes).meta({ id: 'RelationshipType' });
export type RelationshipType = z.infer<typeof RelationshipType>;
