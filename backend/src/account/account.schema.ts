import { z } from 'zod';
import { CurrentUser } from '../users/users.schema';

export const AccountSummary = z
  .object({
    user: CurrentUser,
    twoFactor: z.object({
      enabled: z.boolean(),
      enabledAt: z.iso.datetime().nullable(),
      recoveryCodesLeft: z.number().int(),
      /** The administrator requires it for this role: it cannot be turned off. */
      required: z.boolean(),
    }),
  })
  .meta({ id: 'AccountSummary' });
export type AccountSummary = z.infer<typeof AccountSummary>;

const currentPassword = z.string({ error: 'Saisissez votre mot de passe actuel.' }).min(1, 'Saisissez votre mot de passe actuel.').max(1024);

export const PasswordChange = z
  .object({
    currentPassword,
    newPassword: z.string({ error: 'Saisissez le nouveau mot de passe.' }).max(1024),
  })
  .meta({ id: 'PasswordChange' });
export type PasswordChange = z.infer<typeof PasswordChange>;

export const EmailChange = z
  .object({
    currentPassword,
    email: z
      .string({ error: 'Saisissez une adresse e-mail.' })
      .trim()
      .max(254, 'Au plus 254 caractères.')
      .pipe(z.email('Cette adresse e-mail n’est pas valide (exemple : prenom.nom@sceaux.fr).')),
  })
  .meta({ id: 'EmailChange' });
export type EmailChange = z.infer<typeof EmailChange>;

export const PasswordConfirmation = z.object({ currentPassword }).meta({ id: 'PasswordConfirmation' });
export type PasswordConfirmation = z.infer<typeof PasswordConfirmation>;

/** What an authenticator app needs: the secret (to type in) and the same as an otpauth:// URI and a QR code. */
export const TwoFactorSetup = z
  .object({
    secret: z.string(),
    otpauthUri: z.string(),
    /** An SVG image as a data: URL, drawn by the server. */
    qrCode: z.string(),
  })
  .meta({ id: 'TwoFactorSetup' });
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;

export const TwoFactorConfirmation = z
  .object({ code: z.string({ error: 'Saisissez le code à 6 chiffres affiché par l’application.' }).trim().max(16) })
  .meta({ id: 'TwoFactorConfirmation' });
export type TwoFactorConfirmation = z.infer<typeof TwoFactorConfirmation>;

/** Recovery codes, shown once. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
