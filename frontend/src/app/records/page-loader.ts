import { computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Sort } from '@angular/material/sort';
import { ActivatedRoute, type ParamMap, Router } from '@angular/router';
import { ApiProblem } from '../core/api-problem';
import { listErrorMessage } from './list-errors';

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * One page of a keyset-paginated list, fetched again whenever the filters change: the items, the cursor of
 * the next page, whether it is loading, and a readable error. Call in an injection context (a field).
 */
export function pageLoader<F, T>(filters: () => F, list: (filters: F) => Promise<Page<T>>) {
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
      nextCursor.set(null);
      error.set(listErrorMessage(ApiProblem.from(problem)));
    } finally {
      loading.set(false);
    }
  });
  return { items: items.asReadonly(), nextCursor: nextCursor.asReadonly(), loading: loading.asReadonly(), error: error.asReadonly() };
}

/** Query parameters to change: a list repeats its parameter, null removes it. */
export type QueryChanges = Record<string, string | string[] | null>;

/**
 * A list whose whole state lives in the URL's query parameters, so that a view can be shared and the back
 * button works: the filters read from the URL, the page they select (see pageLoader), and the way to change
 * them. Call in an injection context (a field).
 */
export function listInUrl<F extends { cursor?: string }, T>(parse: (params: ParamMap) => F, list: (filters: F) => Promise<Page<T>>) {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const params = toSignal(route.queryParamMap, { requireSync: true });
  const filters = computed(() => parse(params()));
  /** Cursors of the pages before this one, for "page précédente" (kept in memory, the URL holds the current one). */
  const previousCursors = signal<(string | undefined)[]>([]);

  /** Changes the URL (and so the list); any change of filter or sort starts again at the first page. */
  function navigate(changes: QueryChanges, keepCursor = false): void {
    if (!keepCursor) previousCursors.set([]);
    void router.navigate([], { relativeTo: route, queryParams: { ...changes, ...(keepCursor ? {} : { cursor: null }) }, queryParamsHandling: 'merge' });
  }

  const page = pageLoader(filters, list);
  return {
    filters,
    ...page,
    navigate,
    hasPrevious: computed(() => filters().cursor !== undefined),
    canGoBack: computed(() => previousCursors().length > 0),
    firstPage: () => navigate({ cursor: null }),
    nextPage(): void {
      const next = page.nextCursor();
      if (!next) return;
      previousCursors.update((cursors) => [...cursors, filters().cursor]);
      navigate({ cursor: next }, true);
    },
    previousPage(): void {
      const cursors = previousCursors();
      previousCursors.set(cursors.slice(0, -1));
      navigate({ cursor: cursors.at(-1) ?? null }, true);
    },
  };
}

/** The sort of a list in the URL (`sort=-created`), as mat-sort shows it; the default order is left out of the URL. */
export function sortInUrl(list: { filters: () => { sort?: string }; navigate: (changes: QueryChanges) => void }, byDefault: string) {
  return {
    sort: computed<Sort>(() => {
      const sort = list.filters().sort ?? byDefault;
      return { active: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' };
    }),
    change(sort: Sort): void {
      const key = sort.direction ? sort.active : byDefault;
      const descending = sort.direction === 'desc';
      list.navigate({ sort: key === byDefault && !descending ? null : `${descending ? '-' : ''}${key}` });
    },
  };
}
