import type { MigrationContext } from '../migration';

/**
 * MySQL/MariaDB: the FULLTEXT index over the names alone goes. It only served to weigh a match in a
 * record's names above one in its text, at the price of a second full-text lookup per search and of
 * a second index to maintain at every write (most of InnoDB's work at COMMIT of an import). The search
 * now tells a name match from the row itself (see search-engine.ts). SQLite's FTS5 table is unchanged.
 */
export async function up({ context: queryInterface }: MigrationContext) {
  const sequelize = queryInterface.sequelize;
  if (sequelize.getDialect() === 'sqlite') return;
  await sequelize.query('ALTER TABLE search_entries DROP INDEX search_entries_names');
}

export async function down({ context: queryInterface }: MigrationContext) {
  const sequelize = queryInterface.sequelize;
  if (sequelize.getDialect() === 'sqlite') return;
  // Built as the first full-text migration built it: without a stopword list, set per connection.
  await sequelize.transaction(async (transaction) => {
    await sequelize.query(`SET SESSION innodb_ft_user_stopword_table = CONCAT(DATABASE(), '/search_no_stopwords')`, { transaction });
    await sequelize.query('ALTER TABLE search_entries ADD FULLTEXT INDEX search_entries_names (names_folded)', { transaction });
    await sequelize.query('SET SESSION innodb_ft_user_stopword_table = NULL', { transaction });
  });
}
