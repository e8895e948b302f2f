import { effect, inject, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { ApiProblem } from '../core/api-problem';

export type RecordPageOptions<T> = {
  /** The record's id, from the route. */
  id: () => string;
  get: (id: number) => Promise<T>;
  /** The name the browser's tab shows for the record. */
  name: (record: T) => string;
  words: { notFound: string; forbidden: string; notLoaded: string };
};

/**
 * The record a page shows, read again whenever its id changes and after every action on it: the record, why
 * it could not be read, the outcome of the last action (a notice or an error), and a revision that changes
 * with each reading (for the history to follow). Call in an injection context (a field).
 */
export function recordPage<T>(options: RecordPageOptions<T>) {
  const title = inject(Title);
  const { words } = options;
  const record = signal<T | null>(null);
  const error = signal<string | null>(null);
  const message = signal<string | null>(null);
  const actionError = signal<string | null>(null);
  const revision = signal(0);

  async function load(id: number): Promise<void> {
    try {
      const read = await options.get(id);
      record.set(read);
      title.setTitle(`${options.name(read)} · Passerelles`);
      revision.update((value) => value + 1);
    } catch (problem: unknown) {
      const status = ApiProblem.from(problem).status;
      error.set(status === 404 ? words.notFound : status === 403 ? words.forbidden : words.notLoaded);
    }
  }

  effect(() => void load(Number(options.id())));

  /** Reads the record again. */
  const reload = () => load(Number(untracked(options.id)));

  return {
    record: record.asReadonly(),
    error: error.asReadonly(),
    revision: revision.asReadonly(),
    /** What the last action did, or why it failed. */
    message,
    actionError,
    reload,
    /** Runs an action on the record, says it was done (or why not), then reads the record again. */
    async act(action: () => Promise<unknown>, done: string): Promise<void> {
      actionError.set(null);
      try {
        await action();
        message.set(done);
      } catch (problem: unknown) {
        const failure = ApiProblem.from(problem);
        actionError.set(failure.detail ?? failure.title);
      }
      await reload();
    },
  };
}
