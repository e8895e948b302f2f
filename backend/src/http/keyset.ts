import { literal, Op, type Order, type WhereOptions } from 'sequelize';
import type { Page } from './pagination.schema';
import { problems } from './problem';

/**
 * Keyset pagination shared by every list: one sort key plus the id as tie-breaker, an opaque
 * base64url cursor holding the last row's key and id, and `limit + 1` rows read to know whether a
 * next page exists. Page 5 000 costs what page 1 costs, with an index on (column, id).
 *
 * A nullable key always puts nulls last. Descending, both SQLite and MariaDB sort NULL last by
 * themselves (NULL is the smallest value for both); ascending, an `IS NULL` term comes first.
 */
export type SortKey = {
  /** Name of the sort in the API (`name`, `lastInteraction`...), written into the cursor. */
  name: string;
  /** The model attribute (camelCase) the key reads, and its column (snake_case) for raw SQL. */
  attribute: string;
  column: string;
  direction: 'asc' | 'desc';
  type: 'string' | 'date' | 'number';
  nullable?: boolean;
  /** The id column, when the query joins and `id` alone is ambiguous. */
  idColumn?: string;
};

type CursorValue = string | number | null;
type Cursor = { s: string; v: CursorValue; i: number };

export function encodeCursor(key: SortKey, value: unknown, id: number): string {
  const v: CursorValue = value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : (value as string | number);
  return Buffer.from(JSON.stringify({ s: key.name, v, i: id } satisfies Cursor)).toString('base64url');
}

export function decodeCursor(key: SortKey, cursor: string): { value: string | number | Date | null; id: number } {
  let parsed: Cursor;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw invalidCursor();
  }
  if (!parsed || typeof parsed !== 'object' || parsed.s !== key.name || !Number.isInteger(parsed.i)) throw invalidCursor();
  const { v } = parsed;
  if (v === null) {
    if (!key.nullable) throw invalidCursor();
    return { value: null, id: parsed.i };
  }
  switch (key.type) {
    case 'date': {
      const date = typeof v === 'string' ? new Date(v) : null;
      if (!date || Number.isNaN(date.getTime())) throw invalidCursor();
      return { value: date, id: parsed.i };
    }
    case 'number':
      if (typeof v !== 'number') throw invalidCursor();
      return { value: v, id: parsed.i };
    default:
      if (typeof v !== 'string') throw invalidCursor();
      return { value: v, id: parsed.i };
  }
}

function invalidCursor() {
  return problems.invalid([{ path: 'query.cursor', message: 'Ce curseur de pagination n’est pas valide pour ce tri ; revenez à la première page.' }]);
}

/** ORDER BY for the key, then the id in the same direction. */
export function keysetOrder(key: SortKey): Order {
  const direction = key.direction === 'asc' ? 'ASC' : 'DESC';
  const id = key.idColumn ?? 'id';
  const order: Order = [];
  if (key.nullable && key.direction === 'asc') order.push([literal(`(${key.column} IS NULL)`), 'ASC']);
  order.push([key.attribute, direction], [id, direction]);
  return order;
}

/** The WHERE condition that starts after the row the cursor names (nothing when there is no cursor). */
export function keysetWhere(key: SortKey, cursor: string | undefined): WhereOptions | undefined {
  if (!cursor) return undefined;
  const { value, id } = decodeCursor(key, cursor);
  const after = key.direction === 'asc' ? Op.gt : Op.lt;
  const idAttribute = key.idColumn ?? 'id';
  if (value === null) {
    // Among the nulls, which come last whatever the direction: only the id moves on.
    return { [key.attribute]: { [Op.is]: null }, [idAttribute]: { [after]: id } };
  }
  const conditions: WhereOptions[] = [
    { [key.attribute]: { [after]: value } },
    { [key.attribute]: value, [idAttribute]: { [after]: id } },
  ];
  if (key.nullable) conditions.push({ [key.attribute]: { [Op.is]: null } });
  return { [Op.or]: conditions };
}

/**
 * Runs a page query: `find` receives the extra WHERE (to AND with the filters), the ORDER BY and the
 * number of rows to read, and returns rows carrying the key's attribute and `id`.
 */
export async function keysetPage<Row extends { id: number }>(
  key: SortKey,
  page: { limit: number; cursor?: string | undefined },
  find: (options: { where: WhereOptions | undefined; order: Order; limit: number }) => Promise<Row[]>,
): Promise<Page<Row>> {
  const rows = await find({ where: keysetWhere(key, page.cursor), order: keysetOrder(key), limit: page.limit + 1 });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > page.limit && last ? encodeCursor(key, (last as unknown as Record<string, unknown>)[key.attribute] ?? readAttribute(last, key.attribute), last.id) : null;
  return { items, nextCursor };
}

function readAttribute(row: object, attribute: string): unknown {
  const getter = (row as { get?: (name: string) => unknown }).get;
  return typeof getter === 'function' ? getter.call(row, attribute) : null;
}

/** A sort parameter written `name` (ascending) or `-name` (descending), as a key. */
export function sortKeyFrom(keys: Record<string, Omit<SortKey, 'direction' | 'name'>>, sort: string): SortKey {
  const descending = sort.startsWith('-');
  const key = keys[descending ? sort.slice(1) : sort];
  if (!key) throw problems.invalid([{ path: 'query.sort', message: `Tri inconnu : ${sort}.` }]);
  return { ...key, name: sort, direction: descending ? 'desc' : 'asc' };
}
