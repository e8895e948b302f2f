import { z } from 'zod';

export const partnerKinds = [
  'network',
  'twin_town',
  'partner_town',
  'university',
  'school',
  'association',
  'institution',
  'programme',
  'label',
  'other',
] as const;
export const PartnerKind = z.enum(partnerKinds).meta({ id: 'PartnerKind' });
export type PartnerKind = z.infer<typeof PartnerKind>;

export const partnerStatuses = ['prospect', 'active', 'dormant', 'former'] as const;
export const PartnerStatus = z.enum(partnerStatuses).meta({ id: 'PartnerStatus' });
export type PartnerStatus = z.infer<typeof PartnerStatus>;
