import { z } from 'zod';
import { FollowUpView } from '../follow-ups/follow-ups.schema';
import { InteractionListItem } from '../interactions/interactions.schema';
import { PartnerKind, partnerKinds } from '../partners/partners.schema';

export const HomeQuery = z
  .object({
    quietMonths: z.coerce
      .number({ error: 'Nombre de mois attendu.' })
      .int({ error: 'Nombre de mois attendu.' })
      .min(1, { error: 'Au moins 1 mois.' })
      .max(120, { error: 'Au plus 120 mois.' })
      .optional()
      .meta({ description: 'Months without interaction after which a partner of any kind is quiet (default: the settings, by kind)' }),
    keyDateDays: z.coerce.number({ error: 'Nombre de jours attendu.' }).int().min(1).max(366).default(90).meta({ description: 'How far ahead key dates are shown' }),
  })
  .meta({ id: 'HomeQuery' });
export type HomeQuery = z.output<typeof HomeQuery>;

export const QuietPartner = z
  .object({
    partner: z.object({ id: z.number().int(), name: z.string(), kind: PartnerKind }),
    lastInteractionAt: z.date().nullable(),
    months: z.number().int().meta({ description: 'The threshold that applied' }),
  })
  .meta({ id: 'QuietPartner' });

export const KeyDate = z
  .object({
    kind: z.enum(['twinning_anniversary', 'label_renewal']),
    date: z.iso.date(),
    partner: z.object({ id: z.number().int(), name: z.string(), kind: PartnerKind }),
    years: z.number().int().nullable().meta({ description: 'For an anniversary: how many years' }),
    overdue: z.boolean(),
  })
  .meta({ id: 'KeyDate' });
export type KeyDate = z.infer<typeof KeyDate>;

export const HomePage = z
  .object({
    today: z.iso.date(),
    followUps: z.array(FollowUpView),
    followUpCount: z.number().int(),
    recentInteractions: z.array(InteractionListItem),
    quietPartners: z.array(QuietPartner),
    quietPartnerCount: z.number().int(),
    keyDates: z.array(KeyDate),
  })
  .meta({ id: 'HomePage' });
export type HomePage = z.infer<typeof HomePage>;

export const QuietPartnerSettings = z
  .object({
    months: z.record(z.enum(partnerKinds), z.number().int().min(1).max(120)),
    version: z.number().int(),
  })
  .meta({ id: 'QuietPartnerSettings' });
export type QuietPartnerSettings = z.infer<typeof QuietPartnerSettings>;

export const QuietPartnerSettingsUpdate = z
  .object({
    months: z.partialRecord(
      z.enum(partnerKinds, { error: 'Type de partenaire inconnu.' }),
      z.number({ error: 'Nombre de mois attendu.' }).int({ error: 'Nombre de mois attendu.' }).min(1, { error: 'Au moins 1 mois.' }).max(120, { error: 'Au plus 120 mois.' }),
    ),
    version: z.number({ error: 'Version manquante : rechargez la page.' }).int().min(0),
  })
  .meta({ id: 'QuietPartnerSettingsUpdate' });
export type QuietPartnerSettingsUpdate = z.infer<typeof QuietPartnerSettingsUpdate>;
