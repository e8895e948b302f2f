import { DatePipe } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { TimelineEntry } from '@api/interactions/interactions.schema';
import { interactionTypes } from '@api/interactions/interactions.schema';
import { Countries } from '../records/countries';
import { historySentence } from '../records/history-text';
import { followUpStatusLabels, interactionTypeLabels } from './interaction-labels';
import { InteractionsApi } from './interactions-api';

const kindOptions = [
  { kind: 'interaction', label: 'Échanges' },
  { kind: 'follow_up', label: 'Suivis' },
  { kind: 'change', label: 'Modifications de la fiche' },
] as const;

/** A partner's or a contact's timeline, newest first, filtered by type, loading more as one scrolls. */
@Component({
  selector: 'app-timeline',
  imports: [DatePipe, MatButton, MatChipListbox, MatChipOption, MatFormField, MatLabel, MatOption, MatSelect, RouterLink],
  template: `
    <div class="filters">
      <mat-chip-listbox multiple aria-label="Afficher" (change)="setKinds($event.value)">
        @for (option of kindOptions; track option.kind) {
          <mat-chip-option [value]="option.kind" [selected]="kinds().includes(option.kind)">{{ option.label }}</mat-chip-option>
        }
      </mat-chip-listbox>
      <mat-form-field appearance="outline" class="type-filter" subscriptSizing="dynamic">
        <mat-label>Type d’échange</mat-label>
        <mat-select multiple [value]="types()" (valueChange)="setTypes($event)">
          @for (type of interactionTypes; track type) {
            <mat-option [value]="type">{{ typeLabels[type] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (error()) {
      <p class="error-message" role="alert">Le fil n’a pas pu être chargé.</p>
    }
    <ol class="timeline" aria-live="polite">
      @for (entry of entries(); track key(entry)) {
        <li [class]="'entry ' + entry.kind" [class.overdue]="entry.followUp?.overdue">
          <time class="when" [attr.datetime]="entry.at">{{ entry.at | date: "d MMM y, HH:mm" }}</time>
          @if (entry.interaction; as interaction) {
            <div>
              <span class="tag">{{ typeLabels[interaction.type] }}</span>
              <a [routerLink]="['/interactions', interaction.id]">{{ interaction.subject }}</a>
              <div class="detail">
                @if (interaction.contacts.length) {
                  avec {{ names(interaction.contacts) }}
                }
                @if (interaction.participants.length) {
                  — pour la mairie : {{ participantNames(interaction.participants) }}
                }
              </div>
              @if (interaction.notes) {
                <p class="notes">{{ interaction.notes }}</p>
              }
            </div>
          } @else if (entry.followUp; as followUp) {
            <div>
              <span class="tag">Suivi</span>
              {{ followUp.title }}
              <div class="detail">
                {{ followUpStatusLabels[followUp.status] }} — échéance le {{ followUp.dueOn | date: 'dd/MM/yyyy' }} — {{ followUp.assignee.displayName }}
                @if (followUp.overdue) {
                  <strong class="late">En retard</strong>
                }
              </div>
            </div>
          } @else if (entry.change; as change) {
            <div class="change">{{ changeSentence(entry) }}</div>
          }
        </li>
      } @empty {
        @if (!loading()) {
          <li class="empty">Rien à afficher pour l’instant.</li>
        }
      }
    </ol>
    <div #sentinel class="sentinel"></div>
    @if (nextCursor()) {
      <button mat-stroked-button type="button" (click)="more()" [disabled]="loading()">Afficher les plus anciens</button>
    }
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-bottom: 8px;
    }
    .type-filter {
      min-width: 220px;
    }
    .timeline {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
    }
    .entry {
      display: grid;
      grid-template-columns: 150px 1fr;
      gap: 12px;
      padding: 10px 0 10px 10px;
      border-left: 4px solid var(--mat-sys-outline-variant);
      margin-bottom: 4px;
    }
    .entry.interaction {
      border-left-color: var(--mat-sys-primary);
    }
    .entry.overdue {
      border-left-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
    }
    .when,
    .detail,
    .change {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .tag {
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      border-radius: 4px;
      padding: 2px 6px;
      margin-right: 6px;
    }
    .notes {
      margin: 4px 0 0;
      white-space: pre-line;
    }
    .late {
      color: var(--mat-sys-on-error-container);
    }
    .sentinel {
      height: 1px;
    }
    @media (max-width: 600px) {
      .entry {
        grid-template-columns: 1fr;
        gap: 2px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Timeline {
  private readonly api = inject(InteractionsApi);
  private readonly countries = inject(Countries);
  readonly subject = input.required<'partners' | 'contacts'>();
  readonly recordId = input.required<number>();
  /** Changes whenever something was logged, so that the timeline reloads. */
  readonly revision = input<unknown>(0);

  protected readonly kindOptions = kindOptions;
  protected readonly interactionTypes = interactionTypes;
  protected readonly typeLabels = interactionTypeLabels;
  protected readonly followUpStatusLabels = followUpStatusLabels;
  protected readonly kinds = signal<string[]>(['interaction', 'follow_up', 'change']);
  protected readonly types = signal<string[]>([]);
  protected readonly entries = signal<TimelineEntry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal(false);
  private readonly sentinel = viewChild.required<ElementRef<HTMLElement>>('sentinel');
  private request = 0;

  constructor() {
    effect(() => {
      this.revision();
      const subject = this.subject();
      const id = this.recordId();
      const kinds = this.kinds();
      const types = this.types();
      untracked(() => void this.fetch(subject, id, kinds, types, undefined));
    });
    // Loads the next page when the end of the list comes into view.
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      if (typeof IntersectionObserver === 'undefined') return;
      const observer = new IntersectionObserver((changes) => {
        if (changes.some((change) => change.isIntersecting) && this.nextCursor() && !this.loading()) this.more();
      });
      observer.observe(this.sentinel().nativeElement);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  protected key(entry: TimelineEntry): string {
    return `${entry.kind}:${entry.interaction?.id ?? entry.followUp?.id ?? entry.change?.id}`;
  }

  protected setKinds(kinds: string[]): void {
    this.kinds.set(kinds.length ? kinds : ['interaction', 'follow_up', 'change']);
  }

  protected setTypes(types: string[]): void {
    this.types.set(types);
  }

  protected names(contacts: { fullName: string }[]): string {
    return contacts.map((contact) => contact.fullName).join(', ');
  }

  protected participantNames(people: { displayName: string }[]): string {
    return people.map((person) => person.displayName).join(', ');
  }

  protected changeSentence(entry: TimelineEntry): string {
    const change = entry.change!;
    return historySentence({ id: change.id, occurredAt: entry.at, action: change.action, actor: change.actor, before: change.before, after: change.after }, (code) =>
      this.countries.name(code),
    );
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor) void this.fetch(this.subject(), this.recordId(), this.kinds(), this.types(), cursor);
  }

  private async fetch(subject: 'partners' | 'contacts', id: number, kinds: string[], types: string[], cursor: string | undefined): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(false);
    try {
      const page = await this.api.timeline(subject, id, { kind: kinds, type: types, limit: 20, ...(cursor ? { cursor } : {}) });
      if (request !== this.request) return;
      this.entries.set(cursor ? [...this.entries(), ...page.items] : page.items);
      this.nextCursor.set(page.nextCursor);
    } catch {
      if (request === this.request) this.error.set(true);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
