import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { HistoryEntry, HistoryPage } from '@api/common/fields.schema';
import { Countries } from './countries';
import { historySentence } from './history-text';

/** A record's history in French, newest first, with "voir plus" paging. */
@Component({
  selector: 'app-history-list',
  imports: [MatButton],
  template: `
    @if (error()) {
      <p class="error-message" role="alert">L’historique n’a pas pu être chargé.</p>
    }
    @if (entries().length) {
      <ol class="history">
        @for (entry of entries(); track entry.id) {
          <li>
            <time [attr.datetime]="entry.occurredAt">{{ sentence(entry) }}</time>
          </li>
        }
      </ol>
    } @else if (!loading()) {
      <p>Aucune modification enregistrée.</p>
    }
    @if (nextCursor()) {
      <button mat-stroked-button type="button" (click)="more()">Voir les modifications plus anciennes</button>
    }
  `,
  styles: `
    .history {
      padding-left: 20px;
      margin: 0 0 12px;
    }
    .history li {
      margin-bottom: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryList {
  private readonly countries = inject(Countries);
  /** Loads one page of the history. */
  readonly load = input.required<(cursor?: string) => Promise<HistoryPage>>();
  /** Changes whenever the record changes, so that the history reloads. */
  readonly revision = input<unknown>(0);

  protected readonly entries = signal<HistoryEntry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);

  constructor() {
    effect(() => {
      this.revision();
      void this.fetch(undefined, this.load());
    });
  }

  protected sentence(entry: HistoryEntry): string {
    return historySentence(entry, (code) => this.countries.name(code));
  }

  protected more(): void {
    void this.fetch(this.nextCursor() ?? undefined, this.load());
  }

  private async fetch(cursor: string | undefined, load: (cursor?: string) => Promise<HistoryPage>): Promise<void> {
    this.loading.set(true);
    this.error.set(false);
    try {
      const page = await load(cursor);
      this.entries.set(cursor ? [...this.entries(), ...page.items] : page.items);
      this.nextCursor.set(page.nextCursor);
    } catch {
      this.error.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
