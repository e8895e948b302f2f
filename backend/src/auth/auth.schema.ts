import { z } from 'zod';
import { CurrentUser } from '../users/users.schema';

export const LoginRequest = z
  .object({
    email: z.string().trim().max(254),
    password: z.string().max(1024),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The password was right and the account has two-factor sign-in: POST /auth/totp comes next. */
export const TwoFactorChallenge = z.object({ twoFactorRequired: z.literal(true) }).meta({ id: 'TwoFactorChallenge' });
/** The password was right and the account must turn two-factor sign-in on before anything else. */
export const TwoFactorEnrolmentChallenge = z
  .object({ twoFactorEnrolmentRequired: z.literal(true) })
  .meta({ id: 'TwoFactorEnrolmentChallenge' });

export const LoginResponse = z.union([TwoFactorChallenge, TwoFactorEnrolmentChallenge, CurrentUser]).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** Either the 6-digit code of the authenticator app or one recovery code. */
export const SecondFactorRequest = z
  .object({
    code: z.string().trim().max(16).optional(),
    recoveryCode: z.string().trim().max(64).optional(),
  })
  .refine((value) => Boolean(value.code) !== Boolean(value.recoveryCode), {
    message: 'Saisissez le code à 6 chiffres de votre application, ou un code de secours.',
    path: ['code'],
  })
  .meta({ id: 'SecondFactorRequest' });
export type SecondFactorRequest = z.infer<typeof SecondFactorRequest>;
