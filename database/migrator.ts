import path from 'node:path';
import type { QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug, type UmzugStorage } from 'umzug';

/** Both the .ts sources (tsx, tests) and the compiled .js files are found, never the .d.ts. */
function files(folder: string) {
  return `${path.join(__dirname, folder).replaceAll('\\', '/')}/*.{js,ts}`;
}

/** A migration is known by its name without extension: the same whether run from .ts (tsx) or .js (built). */
export function migrationName(file: string) {
  return file.replace(/\.(js|ts)$/, '');
}

/**
 * The SequelizeStorage, reading names recorded with an extension by earlier versions as without one, so
 * that `npm run db:migrate` (sources) and `npm start` (built files) agree on what has run.
 */
function storageOf(sequelize: Sequelize, tableName: string): UmzugStorage<QueryInterface> {
  const inner = new SequelizeStorage({ sequelize, tableName });
  return {
    executed: async () => [...new Set((await inner.executed()).map(migrationName))],
    logMigration: (params) => inner.logMigration({ ...params, name: migrationName(params.name) }),
    unlogMigration: async (params) => {
      for (const name of [params.name, `${params.name}.ts`, `${params.name}.js`]) await inner.unlogMigration({ ...params, name });
    },
  };
}

function createUmzug(sequelize: Sequelize, folder: string, tableName: string, log: (message: string) => void) {
  return new Umzug({
    migrations: {
      glob: [files(folder), { ignore: '**/*.d.ts' }],
      resolve: (params) => ({ ...Umzug.defaultResolver(params), name: migrationName(params.name) }),
    },
    context: sequelize.getQueryInterface(),
    storage: storageOf(sequelize, tableName),
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
