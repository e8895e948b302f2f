import { effect, signal } from '@angular/core';
import { ApiProblem } from '../core/api-problem';
import { listErrorMessage } from './list-errors';

/**
 * One page of a keyset-paginated list, fetched again whenever the filters change: the items, the cursor of
 * the next page, whether it is loading, and a readable error. Call in an injection context (a field).
 */
export function pageLoader<F, T>(filters: () => F, list: (filters: F) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items = signal<T[]>([]);
  const nextCursor = signal<string | null>(null);
  const loading = signal(true);
  const error = signal<string | null>(null);
  effect(async () => {
    const current = filters();
    loading.set(true);
    error.set(null);
    try {
      const page = await list(current);
      items.set(page.items);
      nextCursor.set(page.nextCursor);
    } catch (problem: unknown) {
      items.set([]);
      error.set(listErrorMessage(ApiProblem.from(problem)));
    } finally {
      loading.set(false);
    }
  });
  return { items: items.asReadonly(), nextCursor: nextCursor.asReadonly(), loading: loading.asReadonly(), error: error.asReadonly() };
}
