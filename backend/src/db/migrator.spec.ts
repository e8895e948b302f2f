import { QueryTypes } from 'sequelize';
import { createMigrator, migrationName } from '../../../database/migrator';
import { testContext } from '../testing/test-app';

describe('the migrator', () => {
  it('knows a migration by its name without extension, whether it runs from .ts sources or built .js files', async () => {
    const { sequelize } = testContext();
    const migrator = createMigrator(sequelize);
    expect(await migrator.pending()).toEqual([]);
    const executed = (await migrator.executed()).map((migration) => migration.name);
    expect(executed.length).toBeGreaterThan(10);
    expect(executed.every((name) => !/\.(ts|js)$/.test(name))).withContext(executed.join(', ')).toBeTrue();
    expect(migrationName('2026.11.28T10.00.00.create-users.js')).toBe('2026.11.28T10.00.00.create-users');
  });

  it('reads names recorded with an extension by an earlier version as done, so nothing runs twice', async () => {
    const { sequelize } = testContext();
    const migrator = createMigrator(sequelize);
    const [first] = await migrator.executed();
    const rows = () => sequelize.query<{ name: string }>('SELECT name FROM schema_migrations WHERE name LIKE :prefix', {
      replacements: { prefix: `${first!.name}%` },
      type: QueryTypes.SELECT,
    });
    // As `npm run db:migrate` (tsx) or `npm start` (built) recorded it before the names lost their extension.
    await sequelize.query('UPDATE schema_migrations SET name = :legacy WHERE name = :name', { replacements: { legacy: `${first!.name}.js`, name: first!.name } });
    try {
      expect((await rows()).map((row) => row.name)).toEqual([`${first!.name}.js`]);
      expect(await migrator.pending()).toEqual([]);
      expect((await migrator.executed()).map((migration) => migration.name)).toContain(first!.name);
    } finally {
      await sequelize.query('UPDATE schema_migrations SET name = :name WHERE name = :legacy', { replacements: { legacy: `${first!.name}.js`, name: first!.name } });
    }
  });
});
