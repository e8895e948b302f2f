import { decodeCursor, encodeCursor, keysetOrder, type SortKey } from './keyset';
import { Problem } from './problem';

describe('keyset cursors', () => {
  const byDate: SortKey = { name: '-created', attribute: 'createdAt', column: 'created_at', direction: 'desc', type: 'date' };
  const byLast: SortKey = { name: 'lastInteraction', attribute: 'lastInteractionAt', column: 'last_interaction_at', direction: 'asc', type: 'date', nullable: true };

  it('round-trips the key and the id through an opaque base64url string', () => {
    const at = new Date('2026-11-28T14:03:00.123Z');
    const cursor = encodeCursor(byDate, at, 42);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(byDate, cursor)).toEqual({ value: at, id: 42 });
    expect(decodeCursor(byLast, encodeCursor(byLast, null, 7))).toEqual({ value: null, id: 7 });
  });

  it('refuses a cursor made for another sort, a null key where none can be, and garbage', () => {
    expect(() => decodeCursor(byLast, encodeCursor(byDate, new Date(), 1))).toThrowMatching((error) => error instanceof Problem && error.status === 400);
    expect(() => decodeCursor(byDate, Buffer.from(JSON.stringify({ s: '-created', v: null, i: 1 })).toString('base64url'))).toThrowError(Problem);
    expect(() => decodeCursor(byDate, '%%%')).toThrowError(Problem);
  });

  it('puts nulls last when ascending', () => {
    const order = keysetOrder(byLast) as unknown[];
    expect(order.length).toBe(3);
    expect(keysetOrder(byDate)).toEqual([
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ]);
  });
});
