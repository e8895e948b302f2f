import { ConfigError, loadConfig } from '../config';
import { DatabaseUnreachableError, openDatabase } from '../db/database';

/** Runs an administration command against the configured database, with the same clear errors as the server. */
export async function runCli(command: (sequelize: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>, options: { seed?: boolean } = {}) {
  try {
    const config = loadConfig();
    const sequelize = await openDatabase(config.database, { log: (message) => console.log(message), ...options });
    try {
      await command(sequelize);
    } finally {
      await sequelize.close();
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseUnreachableError || error instanceof CliError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

export class CliError extends Error {}
