import { parseArgs } from 'node:util';
import { Problem } from '../http/problem';
import { Role } from '../users/users.schema';
import { createUser } from '../users/users.service';
import { CliError, runCli } from './cli';

const usage = 'Usage : npm run user:create -- --email adresse@exemple.fr --role admin|officer|cabinet|association [--partner id] [--name "Nom affiché"] [--password ...]';

void runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      partner: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const role = Role.safeParse(values.role);
  if (!values.email || !role.success) throw new CliError(usage);
  const partnerId = values.partner ? Number(values.partner) : undefined;
  if (values.partner && !Number.isInteger(partnerId)) throw new CliError(`--partner attend l'identifiant numérique d'une association. ${usage}`);
  try {
    const { user, generatedPassword } = await createUser({
      email: values.email,
      role: role.data,
      ...(values.name ? { displayName: values.name } : {}),
      ...(partnerId ? { partnerId } : {}),
      ...(values.password ? { password: values.password } : {}),
    });
    console.log(`Compte créé : ${user.email} (${user.role})`);
    if (generatedPassword) console.log(`Mot de passe (affiché une seule fois) : ${generatedPassword}`);
  } catch (error) {
    if (error instanceof Problem) {
      throw new CliError([error.detail, ...(error.errors ?? []).map((field) => `${field.path} : ${field.message}`)].filter(Boolean).join(' — '));
    }
    throw error;
  }
});
