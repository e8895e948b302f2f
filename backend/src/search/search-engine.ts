import { QueryTypes, type Sequelize } from 'sequelize';

export type SearchFilters = {
  kinds: readonly string[];
  from?: Date | undefined;
  to?: Date | undefined;
  partnerKind?: string | undefined;
  country?: string | undefined;
  /** The objective of the plan the records serve; each kind says how (see SearchSource.objectiveCondition). */
  objective?: { id: number; conditions: Record<string, string> } | undefined;
};

export type RankedEntry = { id: number; kind: string; recordId: number; title: string; body: string | null; rank: number };

/** A record serves the objectives its partner serves. */
export const partnerServesObjective = 'e.partner_id IN (SELECT po.partner_id FROM partner_objectives po WHERE po.objective_id = :objective)';

/**
 * The two adapters of the search port: FTS5 on SQLite, InnoDB FULLTEXT on MySQL/MariaDB. Both receive
 * folded words (letters and digits only), match every word as a prefix, rank names above the other
 * text, then recent records first, and answer the best `limit` entries of each kind plus the count of
 * matches per kind.
 */
export async function searchIndex(sequelize: Sequelize, tokens: string[], filters: SearchFilters, limit: number) {
  const match = sequelize.getDialect() === 'sqlite' ? sqliteMatch(tokens) : mysqlMatch(tokens);
  const where = [match.where, 'e.kind IN (:kinds)'];
  // What was typed being a record's whole name, or the start of it, puts that record first: "bruhl" → Brühl.
  const exact = tokens.join(' ');
  const nameBonus = `(CASE WHEN e.names_folded = :exact THEN 1000 WHEN e.names_folded LIKE :startsWith THEN 100 ELSE 0 END)`;
  const replacements: Record<string, unknown> = { ...match.replacements, kinds: filters.kinds, limit, exact, startsWith: `${exact}%` };
  if (filters.from) {
    where.push('e.occurred_at >= :from');
    replacements['from'] = filters.from;
  }
  if (filters.to) {
    where.push('e.occurred_at < :to');
    replacements['to'] = filters.to;
  }
  if (filters.partnerKind) {
    where.push('e.partner_kind = :partnerKind');
    replacements['partnerKind'] = filters.partnerKind;
  }
  if (filters.country) {
    where.push('e.country = :country');
    replacements['country'] = filters.country;
  }
  if (filters.objective) {
    const perKind = filters.kinds.map((kind) => `(e.kind = ${sequelize.escape(kind)} AND ${filters.objective!.conditions[kind] ?? partnerServesObjective})`);
    where.push(`(${perKind.join(' OR ')})`);
    replacements['objective'] = filters.objective.id;
  }
  const matching = `FROM ${match.from} WHERE ${where.join(' AND ')}`;

  // One pass over the matches: the full-text lookup and the reading of every matching row are what cost
  // (a common word matches a fifth of a million interactions), so the counts per kind come from the same
  // pass as the ranking (a window count) rather than from a second query doing it all again. The ranking
  // carries only narrow columns; titles and texts are read for the few rows kept.
  const sql = `SELECT r.id, r.kind, e.record_id AS recordId, e.title, e.body, r.rn AS \`rank\`, r.total FROM (
      SELECT w.id, w.kind, w.rn, w.total FROM (
        SELECT m.id, m.kind,
          ROW_NUMBER() OVER (PARTITION BY m.kind ORDER BY m.score DESC, m.occurred_at DESC, m.id DESC) AS rn,
          COUNT(*) OVER (PARTITION BY m.kind) AS total
        FROM (SELECT e.id, e.kind, e.occurred_at, ${nameBonus} + ${match.score} AS score ${matching}) m
      ) w WHERE w.rn <= :limit
    ) r JOIN search_entries e ON e.id = r.id ORDER BY r.kind, r.rn`;
  const ranked = await sequelize.query<RankedEntry & { total: number | string }>(sql, { replacements, type: QueryTypes.SELECT });
  const totals = new Map(ranked.map((row) => [row.kind, Number(row.total)]));
  const rows: RankedEntry[] = ranked.map(({ total: _total, ...row }) => row);
  return { rows, totals };
}

/** FTS5: every word as a quoted prefix term (implicit AND); bm25 weighs names four times the rest. */
function sqliteMatch(tokens: string[]) {
  return {
    from: 'search_fts JOIN search_entries e ON e.id = search_fts.rowid',
    where: 'search_fts MATCH :match',
    score: '-bm25(search_fts, 4.0, 1.0)',
    replacements: { match: tokens.map((token) => `"${token}"*`).join(' ') },
  };
}

/** InnoDB indexes no word shorter than innodb_ft_min_token_size (3 by default). */
const mysqlMinTokenLength = 3;

/**
 * InnoDB boolean mode: every word required, as a prefix, in the names or the text. A word that begins one
 * of the record's names counts as much as a strong full-text match (the names are read from the row, as
 * the name bonus reads them: one full-text lookup per search, one FULLTEXT index to maintain).
 * Words too short to be indexed ("de", "l" in "Maison de l'Europe") are left to the name bonus; a query of
 * short words only looks for names that start with them.
 */
function mysqlMatch(allTokens: string[]) {
  const tokens = allTokens.filter((token) => token.length >= mysqlMinTokenLength);
  if (tokens.length === 0) {
    const typed = allTokens.join(' ');
    return {
      from: 'search_entries e',
      where: '(e.names_folded LIKE :namePrefix OR e.names_folded LIKE :wordPrefix)',
      score: '0',
      replacements: { namePrefix: `${typed}%`, wordPrefix: `% ${typed}%` },
    };
  }
  const inNames = tokens.map((_token, index) => `(CASE WHEN e.names_folded LIKE :nameStarts${index} OR e.names_folded LIKE :nameWord${index} THEN ${nameWordWeight} ELSE 0 END)`);
  const replacements: Record<string, string> = { match: tokens.map((token) => `+${token}*`).join(' ') };
  tokens.forEach((token, index) => {
    replacements[`nameStarts${index}`] = `${token}%`;
    replacements[`nameWord${index}`] = `% ${token}%`;
  });
  return {
    from: 'search_entries e',
    where: 'MATCH(e.names_folded, e.body_folded) AGAINST (:match IN BOOLEAN MODE)',
    score: `(MATCH(e.names_folded, e.body_folded) AGAINST (:match IN BOOLEAN MODE) + ${inNames.join(' + ')})`,
    replacements,
  };
}

/** What a typed word found in a record's names adds to its score on MySQL/MariaDB, above InnoDB's relevance of a text match. */
const nameWordWeight = 50;
