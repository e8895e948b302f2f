import { z } from 'zod';

/** Security settings an administrator chooses. */
export const SecuritySettings = z
  .object({
    /** Administrators and officers must sign in with a second factor (they enrol at their next sign-in). */
    twoFactorRequiredForStaff: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'SecuritySettings' });
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const SecuritySettingsUpdate = z
  .object({
    twoFactorRequiredForStaff: z.boolean({ error: 'Indiquez oui ou non.' }),
    version: z.number({ error: 'Version manquante : rechargez la page.' }).int().min(0),
  })
  .meta({ id: 'SecuritySettingsUpdate' });
export type SecuritySettingsUpdate = z.infer<typeof SecuritySettingsUpdate>;

/** The roles that the two-factor requirement covers. */
export const staffRoles = ['admin', 'officer'] as const;
