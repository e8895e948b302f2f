import type { MigrationContext } from '../migration';

/**
 * The full-text index of search_entries, one per engine:
 * - MySQL/MariaDB: InnoDB FULLTEXT indexes, built without a stopword list (InnoDB's default list holds
 *   English words such as "about" or "will" and would make them unsearchable);
 * - SQLite: an FTS5 table over the same rows (external content), kept in step by triggers, with prefix
 *   indexes for type-ahead.
 */
export async function up({ context: queryInterface }: MigrationContext) {
  const sequelize = queryInterface.sequelize;
  if (sequelize.getDialect() === 'sqlite') {
    await sequelize.query(
      `CREATE VIRTUAL TABLE search_fts USING fts5(names_folded, body_folded, content='search_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')`,
    );
    await sequelize.query(`CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
      INSERT INTO search_fts(rowid, names_folded, body_folded) VALUES (new.id, new.names_folded, new.body_folded);
    END`);
    await sequelize.query(`CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
      INSERT INTO search_fts(search_fts, rowid, names_folded, body_folded) VALUES ('delete', old.id, old.names_folded, old.body_folded);
    END`);
    await sequelize.query(`CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
      INSERT INTO search_fts(search_fts, rowid, names_folded, body_folded) VALUES ('delete', old.id, old.names_folded, old.body_folded);
      INSERT INTO search_fts(rowid, names_folded, body_folded) VALUES (new.id, new.names_folded, new.body_folded);
    END`);
    return;
  }
  await sequelize.query('CREATE TABLE IF NOT EXISTS search_no_stopwords (value VARCHAR(30)) ENGINE = InnoDB');
  // The stopword setting is per connection: a transaction keeps every statement on one connection.
  await sequelize.transaction(async (transaction) => {
    const [[row]] = (await sequelize.query('SELECT DATABASE() AS db', { transaction })) as [[{ db: string }], unknown];
    await sequelize.query(`SET SESSION innodb_ft_user_stopword_table = '${row.db}/search_no_stopwords'`, { transaction });
    await sequelize.query('ALTER TABLE search_entries ADD FULLTEXT INDEX search_entries_text (names_folded, body_folded)', { transaction });
    await sequelize.query('ALTER TABLE search_entries ADD FULLTEXT INDEX search_entries_names (names_folded)', { transaction });
    await sequelize.query('SET SESSION innodb_ft_user_stopword_table = NULL', { transaction });
  });
}

export async function down({ context: queryInterface }: MigrationContext) {
  const sequelize = queryInterface.sequelize;
  if (sequelize.getDialect() === 'sqlite') {
    for (const trigger of ['search_entries_ai', 'search_entries_ad', 'search_entries_au']) await sequelize.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    await sequelize.query('DROP TABLE IF EXISTS search_fts');
    return;
  }
  await sequelize.query('ALTER TABLE search_entries DROP INDEX search_entries_text');
  await sequelize.query('ALTER TABLE search_entries DROP INDEX search_entries_names');
  await sequelize.query('DROP TABLE IF EXISTS search_no_stopwords');
}
