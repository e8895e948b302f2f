import { z } from 'zod';

export const LoginRequest = z
  .object({
    email: z.string().trim().max(254),
    password: z.string().max(1024),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;
