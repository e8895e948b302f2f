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
