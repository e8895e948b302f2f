import { computed, effect, ElementRef, inject, Injector, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { Router } from '@angular/router';
import { ApiProblem } from '../core/api-problem';
import { firstProblemSelector, focusAfterRender } from './focus';
import { applyServerErrors } from './server-errors';

/** A record the API saves with optimistic concurrency: an update names the version it was made from. */
type Versioned = { id: number; version: number };

export type EditWithVersionOptions<V extends Versioned, B> = {
  /** The record's id from the route; none for a new record. */
  id: () => string | undefined;
  form: FormGroup;
  api: {
    get(id: number): Promise<V>;
    create(body: B): Promise<Versioned>;
    update(id: number, body: B & { version: number }): Promise<Versioned>;
  };
  /** Puts the record read into the form (and whatever the form keeps beside it). */
  fill: (record: V) => void;
  /** What the form sends. */
  body: () => B;
  /** Where the saved record opens. */
  opened: (id: number) => unknown[];
  words: { notFound: string; notLoaded: string; conflict: string };
};

/**
 * The load and save of a record's form, edited with the version it was read at. When someone else saved
 * in between (409 version_conflict), what the user typed stays in the form, the current version becomes
 * the base, and saving again applies the typed values on top of it. Call in an injection context (a field).
 */
export function editWithVersion<V extends Versioned, B>(options: EditWithVersionOptions<V, B>) {
  const router = inject(Router);
  const injector = inject(Injector);
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const { form, api, words } = options;
  const base = signal<V | null>(null);
  const loadError = signal<string | null>(null);
  const pending = signal(false);
  const formErrors = signal<string[]>([]);
  const conflict = signal<string | null>(null);

  async function load(id: number): Promise<void> {
    try {
      const record = await api.get(id);
      base.set(record);
      options.fill(record);
    } catch (error: unknown) {
      loadError.set(ApiProblem.from(error).status === 404 ? words.notFound : words.notLoaded);
    }
  }

  effect(() => {
    const id = options.id();
    if (id !== undefined) void load(Number(id));
  });

  async function save(): Promise<void> {
    formErrors.set([]);
    conflict.set(null);
    if (form.invalid) {
      form.markAllAsTouched();
      formErrors.set(['Certains champs sont à compléter ou à corriger.']);
      // The message appears above the form, maybe out of sight of the button that was pressed.
      focusAfterRender(injector, host, firstProblemSelector);
      return;
    }
    pending.set(true);
    try {
      const current = base();
      const saved = current ? await api.update(current.id, { ...options.body(), version: current.version }) : await api.create(options.body());
      await router.navigate(options.opened(saved.id));
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      if (problem.code === 'version_conflict' && problem.body['current']) {
        // Keep what the user typed; saving again applies it on top of the current version.
        base.set(problem.body['current'] as V);
        conflict.set(words.conflict);
        focusAfterRender(injector, host, '.conflict');
      } else {
        const unmatched = applyServerErrors(form, problem);
        formErrors.set(unmatched.length || problem.errors.length ? unmatched : [problem.detail ?? problem.title]);
        focusAfterRender(injector, host, firstProblemSelector);
      }
    } finally {
      pending.set(false);
    }
  }

  return {
    editing: computed(() => options.id() !== undefined),
    /** The record as last read (or as the conflict reported it); null for a new one. */
    base: base.asReadonly(),
    loadError: loadError.asReadonly(),
    pending: pending.asReadonly(),
    formErrors: formErrors.asReadonly(),
    conflict: conflict.asReadonly(),
    save,
  };
}

export type EditWithVersion = ReturnType<typeof editWithVersion>;
