import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ProfileField, ProfileUpdateView } from '@api/portal/portal.schema';
import { ApiProblem } from '../core/api-problem';
import { canWriteRecords } from '../records/can-write';
import { fieldLabels, PortalApi, updateStatusLabels } from './portal-api';

/** What the officer decides for one update: the fields to accept and the message to the association. */
type Decision = { selected: Set<ProfileField>; message: string; error: string | null; done: string | null; busy: boolean };

/** The officers' queue of profile updates proposed by associations, with a before/after per field. */
@Component({
  selector: 'app-review-queue',
  imports: [DatePipe, FormsModule, NgTemplateOutlet, MatButton, MatCheckbox, MatFormField, MatInput, MatLabel, MatProgressBar, RouterLink],
  templateUrl: './review-queue.html',
  styleUrl: './review-queue.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueue {
  private readonly api = inject(PortalApi);
  protected readonly canWrite = canWriteRecords();
  protected readonly updates = signal<ProfileUpdateView[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly decisions = signal<Record<number, Decision>>({});
  protected readonly fieldLabels = fieldLabels;
  protected readonly statusLabels = updateStatusLabels;
  /** The pending queue, or the updates already reviewed (newest first). */
  protected readonly view = signal<'pending' | 'reviewed'>('pending');
  /**
   * Logo images that did not load: once a proposal is reviewed, the files nobody uses any more are
   * removed, so the history of reviewed updates can name a logo that is no longer kept.
   */
  protected readonly missingLogos = signal<ReadonlySet<string>>(new Set());

  protected logoMissing(url: string): void {
    this.missingLogos.update((missing) => new Set([...missing, url]));
  }

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      const { items } = await this.api.queue(this.view());
      this.updates.set(items);
      const decisions: Record<number, Decision> = {};
      for (const update of items) decisions[update.id] = this.freshDecision(update, this.decisions()[update.id]?.message ?? '');
      this.decisions.set(decisions);
    } catch {
      this.loadError.set('La file des propositions n’a pas pu être chargée.');
    }
  }

  protected decisionFor(update: ProfileUpdateView): Decision {
    return this.decisions()[update.id] ?? { selected: new Set(), message: '', error: null, done: null, busy: false };
  }

  protected show(view: 'pending' | 'reviewed'): void {
    if (this.view() === view) return;
    this.view.set(view);
    this.updates.set(null);
    void this.load();
  }

  /** Every field is selected but those in conflict, which the officer must choose knowingly. */
  private freshDecision(update: ProfileUpdateView, message: string): Decision {
    return { selected: new Set(update.changes.filter((change) => !change.conflict).map((change) => change.field)), message, error: null, done: null, busy: false };
  }

  protected isLogo(field: ProfileField): boolean {
    return field === 'logo';
  }

  protected toggle(update: ProfileUpdateView, field: ProfileField, checked: boolean): void {
    this.patch(update.id, (decision) => {
      const selected = new Set(decision.selected);
      if (checked) selected.add(field);
      else selected.delete(field);
      return { ...decision, selected };
    });
  }

  protected setMessage(update: ProfileUpdateView, message: string): void {
    this.patch(update.id, (decision) => ({ ...decision, message }));
  }

  private patch(id: number, change: (decision: Decision) => Decision): void {
    this.decisions.update((all) => ({ ...all, [id]: change(all[id]!) }));
  }

  protected async decide(update: ProfileUpdateView, decision: 'accept' | 'reject'): Promise<void> {
    const current = this.decisions()[update.id]!;
    const fields = update.changes.map((change) => change.field).filter((field) => current.selected.has(field));
    if (decision === 'accept' && fields.length === 0) {
      this.patch(update.id, (d) => ({ ...d, error: 'Cochez au moins un champ à accepter, ou refusez la proposition.' }));
      return;
    }
    if (decision === 'reject' && !current.message.trim()) {
      this.patch(update.id, (d) => ({ ...d, error: 'Expliquez à l’association pourquoi sa proposition est refusée (message).' }));
      return;
    }
    const conflictChosen = update.changes.some((change) => change.conflict && current.selected.has(change.field));
    this.patch(update.id, (d) => ({ ...d, busy: true, error: null }));
    try {
      const reviewed = await this.api.review(update.id, {
        version: update.version,
        decision,
        ...(decision === 'accept' ? { fields, applyDespiteConflict: conflictChosen } : {}),
        message: current.message.trim() || null,
      });
      const accepted = reviewed.changes.filter((change) => change.accepted).map((change) => fieldLabels[change.field]);
      this.updates.update((items) => (items ?? []).map((item) => (item.id === update.id ? reviewed : item)));
      this.patch(update.id, (d) => ({
        ...d,
        busy: false,
        done: decision === 'reject' ? 'Proposition refusée ; l’association voit votre message.' : `Publié sur la fiche : ${accepted.join(', ')}.`,
      }));
    } catch (error) {
      const problem = ApiProblem.from(error);
      const message =
        problem.code === 'profile_update_conflict'
          ? 'La fiche a changé entre-temps pour certains champs : comparez les valeurs ci-dessous.'
          : problem.status === 409
            ? 'La proposition a changé entre-temps : elle est rechargée, relisez-la.'
            : (problem.errors[0]?.message ?? problem.detail ?? 'La décision n’a pas pu être enregistrée.');
      const current = problem.body['current'] as ProfileUpdateView | undefined;
      if (current) this.updates.update((items) => (items ?? []).map((item) => (item.id === update.id ? current : item)));
      this.patch(update.id, (d) => ({ ...(current ? this.freshDecision(current, d.message) : d), busy: false, error: message }));
    }
  }
}
