import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { RetentionItem } from '@api/data/data.schema';
import { firstValueFrom } from 'rxjs';
import { ApiProblem } from '../core/api-problem';
import { ConfirmDialog, type ConfirmData } from '../records/confirm-dialog';
import { legalBasisLabels } from '../records/labels';
import { DataApi } from './data-api';

/** The retention review: people without interaction for three years, to keep (with a reason) or erase. */
@Component({
  selector: 'app-retention-page',
  imports: [DatePipe, MatButton, MatCheckbox, MatFormField, MatInput, MatLabel, MatProgressBar, RouterLink],
  templateUrl: './retention-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionPage {
  private readonly api = inject(DataApi);
  private readonly dialog = inject(MatDialog);

  protected readonly items = signal<RetentionItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly selected = signal<ReadonlySet<number>>(new Set());
  protected readonly reason = signal('');
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly legalBasisLabels = legalBasisLabels;
  protected readonly allSelected = computed(() => this.items().length > 0 && this.items().every((item) => this.selected().has(item.id)));
  protected readonly canDecide = computed(() => this.selected().size > 0 && this.reason().trim().length >= 3);

  constructor() {
    void this.load();
  }

  private async load(cursor?: string): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.retention(cursor);
      this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error: unknown) {
      this.error.set(ApiProblem.from(error).detail ?? 'La revue n’a pas pu être chargée.');
    } finally {
      this.loading.set(false);
    }
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor) void this.load(cursor);
  }

  protected toggle(id: number, checked: boolean): void {
    this.selected.update((selected) => {
      const next = new Set(selected);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(checked ? new Set(this.items().map((item) => item.id)) : new Set());
  }

  protected async keep(): Promise<void> {
    await this.decide('keep');
  }

  protected async erase(): Promise<void> {
    const count = this.selected().size;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
          data: {
            title: `Effacer ${count} personne${count > 1 ? 's' : ''} ?`,
            message: 'Leurs fiches seront anonymisées pour de bon : noms, coordonnées, notes et historique des valeurs disparaissent ; les échanges restent dans l’historique des partenaires, sans elles.',
            confirm: 'Effacer',
          },
        })
        .afterClosed(),
    );
    if (confirmed) await this.decide('erase');
  }

  private async decide(decision: 'keep' | 'erase'): Promise<void> {
    this.error.set(null);
    this.message.set(null);
    const ids = [...this.selected()];
    try {
      const result = decision === 'keep' ? await this.api.keep(ids, this.reason().trim()) : await this.api.eraseMany(ids, this.reason().trim());
      const plural = result.count > 1 ? 's' : '';
      this.message.set(decision === 'keep' ? `${result.count} contact${plural} conservé${plural} pour trois ans de plus.` : `${result.count} personne${plural} effacée${plural}.`);
      this.selected.set(new Set());
      this.reason.set('');
      await this.load();
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.error.set([problem.detail ?? problem.title, ...problem.errors.map((field) => field.message)].join(' '));
    }
  }
}
