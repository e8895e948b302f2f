import { z } from 'zod';

export const roles = ['admin', 'officer', 'cabinet', 'association'] as const;
export const Role = z.enum(roles).meta({ id: 'Role', description: 'admin, officer (chargé de mission), cabinet (cabinet du maire), association' });
export type Role = z.infer<typeof Role>;

/** The signed-in user as the API shows it. */
export const CurrentUser = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    role: Role,
    partnerId: z.number().int().nullable(),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof CurrentUser>;

/** An account as administrators see it on the "Comptes" page. */
export const UserAccount = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    role: Role,
    partnerId: z.number().int().nullable(),
    active: z.boolean(),
    twoFactorEnabled: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: 'UserAccount' });
export type UserAccount = z.infer<typeof UserAccount>;

export const UserAccountList = z.object({ items: z.array(UserAccount) }).meta({ id: 'UserAccountList' });
export type UserAccountList = z.infer<typeof UserAccountList>;

const displayName = z.string().trim().min(1, 'Saisissez le nom affiché.').max(120, 'Au plus 120 caractères.');
const partnerId = z.number({ error: 'Choisissez l’association du compte.' }).int().positive().nullable();

export const NewUserAccount = z
  .object({
    email: z
      .string({ error: 'Saisissez une adresse e-mail.' })
      .trim()
      .max(254, 'Au plus 254 caractères.')
      .pipe(z.email('Cette adresse e-mail n’est pas valide (exemple : prenom.nom@sceaux.fr).')),
    displayName,
    role: z.enum(roles, { error: 'Choisissez un rôle.' }),
    partnerId: partnerId.optional(),
  })
  .meta({ id: 'NewUserAccount' });
export type NewUserAccount = z.infer<typeof NewUserAccount>;

/** The account and its first password, shown once. */
export const CreatedUserAccount = z.object({ user: UserAccount, password: z.string() }).meta({ id: 'CreatedUserAccount' });
export type CreatedUserAccount = z.infer<typeof CreatedUserAccount>;

export const UserAccountUpdate = z
  .object({
    version: z.number({ error: 'Version manquante : rechargez la page.' }).int().min(0),
    displayName: displayName.optional(),
    role: z.enum(roles, { error: 'Choisissez un rôle.' }).optional(),
    partnerId: partnerId.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UserAccountUpdate' });
export type UserAccountUpdate = z.infer<typeof UserAccountUpdate>;

export const UserId = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** A new password set by an administrator, shown once. */
export const GeneratedPassword = z.object({ password: z.string() }).meta({ id: 'GeneratedPassword' });
export type GeneratedPassword = z.infer<typeof GeneratedPassword>;
