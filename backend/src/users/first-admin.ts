import type { Config } from '../config';
import { Problem } from '../http/problem';
import { User } from './user.model';
import { createUser } from './users.service';

export const defaultAdminEmail = 'admin@passerelles.local';

/**
 * On the first start (no user at all), creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD,
 * or with a generated password that is printed once.
 */
export async function ensureFirstAdmin(config: Pick<Config, 'admin'>, print: (message: string) => void) {
  if ((await User.count()) > 0) return;
  const email = config.admin?.email ?? defaultAdminEmail;
  try {
    const { generatedPassword } = await createUser({
      email,
      displayName: 'Administrateur',
      role: 'admin',
      ...(config.admin?.password ? { password: config.admin.password } : {}),
    });
    if (generatedPassword) {
      print(
        `Premier administrateur créé : ${email} — mot de passe : ${generatedPassword}\n` +
          '  (affiché une seule fois : notez-le, ou fixez ADMIN_EMAIL et ADMIN_PASSWORD avant le premier démarrage)',
      );
    } else {
      print(`Premier administrateur créé : ${email} (mot de passe tiré de ADMIN_PASSWORD)`);
    }
  } catch (error) {
    // Another process, started at the same moment, created it first.
    if (!(error instanceof Problem && error.code === 'email_taken')) throw error;
  }
}
