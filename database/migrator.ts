import path from 'node:path';
import type { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';

/** Both the .ts sources (tsx, tests) and the compiled .js files are found, never the .d.ts. */
function files(folder: string) {
  return `${path.join(__dirname, folder).replaceAll('\\', '/')}/*.{js,ts}`;
}

function createUmzug(sequelize: Sequelize, folder: string, tableName: string, log: (message: string) => void) {
  return new Umzug({
    migrations: { glob: [files(folder), { ignore: '**/*.d.ts' }] },
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName }),
    logger: {
      info: (event) => log(`${String(event['event'])} ${String(event['name'] ?? '')}`.trim()),
      warn: (event) => log(JSON.stringify(event)),
      error: (event) => log(JSON.stringify(event)),
      debug: () => {},
    },
  });
}

export function createMigrator(sequelize: Sequelize, log: (message: string) => void = () => {}) {
  return createUmzug(sequelize, 'migrations', 'schema_migrations', log);
}

export function createSeeder(sequelize: Sequelize, log: (message: string) => void = () => {}) {
  return createUmzug(sequelize, 'seeders', 'seed_runs', log);
}
