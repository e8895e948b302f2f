import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { InteractionListItem } from '@api/interactions/interactions.schema';
import { ApiProblem } from '../core/api-problem';
import { ExportMenu } from '../data/export-menu';
import { objectivesResource } from '../plan/objectives-api';
import { provideFrenchDates, toIsoDay } from './french-dates';
import { interactionTypeLabels, interactionTypes } from './interaction-labels';
import { InteractionsApi, type InteractionFilters } from './interactions-api';
import { QuickLog } from './quick-log';

/** Every logged exchange, newest first, with filters. */
@Component({
  selector: 'app-interaction-list',
  imports: [DatePipe, ExportMenu, FormsModule, MatButton, MatCheckbox, MatDatepicker, MatDatepickerInput, MatDatepickerToggle, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, MatSuffix, RouterLink],
  providers: [provideFrenchDates()],
  template: `
    <div class="page">
      <div class="heading">
        <h1 class="page-title">Échanges</h1>
        <div class="heading-actions">
          <app-export-menu list="interactions" [filters]="exportFilters()" />
          <button mat-flat-button type="button" (click)="quickLog.openDialog()">Noter un échange</button>
        </div>
      </div>
      <form class="filters" (ngSubmit)="search()" aria-label="Filtres des échanges">
        <mat-form-field appearance="outline" class="text">
          <mat-label>Mots de l’objet, du lieu ou du compte rendu</mat-label>
          <input matInput name="q" [(ngModel)]="q" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Type d’échange</mat-label>
          <mat-select name="types" multiple [(ngModel)]="types">
            @for (type of interactionTypes; track type) {
              <mat-option [value]="type">{{ typeLabels[type] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Objectif du plan</mat-label>
          <mat-select name="objectives" multiple [(ngModel)]="objectiveIds">
            @for (objective of objectives.value()?.items ?? []; track objective.id) {
              <mat-option [value]="objective.id">{{ objective.code }} {{ objective.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Du</mat-label>
          <input matInput name="from" [matDatepicker]="fromPicker" [(ngModel)]="from" placeholder="jj/mm/aaaa" />
          <mat-datepicker-toggle matIconSuffix [for]="fromPicker" aria-label="Choisir la date de début" />
          <mat-datepicker #fromPicker />
          <mat-hint>jj/mm/aaaa</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Au</mat-label>
          <input matInput name="to" [matDatepicker]="toPicker" [(ngModel)]="to" placeholder="jj/mm/aaaa" />
          <mat-datepicker-toggle matIconSuffix [for]="toPicker" aria-label="Choisir la date de fin" />
          <mat-datepicker #toPicker />
          <mat-hint>jj/mm/aaaa</mat-hint>
        </mat-form-field>
        <mat-checkbox name="mine" [(ngModel)]="mine">Seulement ceux auxquels j’ai participé</mat-checkbox>
        <div class="filter-actions">
          <button mat-flat-button type="submit">Filtrer</button>
          <button mat-button type="button" (click)="reset()">Effacer les filtres</button>
        </div>
      </form>
      @if (error(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
      @if (loading() && !items().length) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement des échanges" />
      }
      <ul class="list">
        @for (item of items(); track item.id) {
          <li>
            <div class="when">{{ item.occurredAt | date: "dd/MM/yyyy 'à' HH:mm" }}</div>
            <div>
              <span class="tag">{{ typeLabels[item.type] }}</span>
              <a [routerLink]="['/interactions', item.id]">{{ item.subject }}</a>
              <div class="detail">
                {{ partnerNames(item) }}
                @if (item.contacts.length) {
                  — {{ contactNames(item) }}
                }
              </div>
            </div>
          </li>
        } @empty {
          @if (!loading()) {
            <li class="empty">Aucun échange ne correspond.</li>
          }
        }
      </ul>
      @if (nextCursor()) {
        <button mat-stroked-button type="button" (click)="more()" [disabled]="loading()">Afficher les échanges plus anciens</button>
      }
    </div>
  `,
  styles: `
    .heading-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .heading {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: baseline;
    }
    .filters mat-form-field {
      flex: 1 1 180px;
    }
    .filters .text {
      flex-basis: 100%;
    }
    .filter-actions {
      display: flex;
      gap: 8px;
    }
    .list {
      list-style: none;
      padding: 0;
    }
    .list li {
      display: grid;
      grid-template-columns: 150px 1fr;
      gap: 12px;
      padding: 10px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .when,
    .detail {
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InteractionList {
  private readonly api = inject(InteractionsApi);
  protected readonly quickLog = inject(QuickLog);
  protected readonly objectives = objectivesResource();
  protected readonly interactionTypes = interactionTypes;
  protected readonly typeLabels = interactionTypeLabels;

  protected q = '';
  protected types: string[] = [];
  protected objectiveIds: number[] = [];
  protected from: Date | null = null;
  protected to: Date | null = null;
  protected mine = false;

  protected readonly items = signal<InteractionListItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private filters: InteractionFilters = {};
  /** The filters of the list as shown, for its export. */
  protected readonly exportFilters = signal<InteractionFilters>({});

  constructor() {
    effect(() => {
      this.quickLog.saved();
      untracked(() => void this.fetch());
    });
  }

  protected search(): void {
    this.filters = {
      ...(this.q.trim() ? { q: this.q.trim() } : {}),
      ...(this.types.length ? { type: this.types } : {}),
      ...(this.objectiveIds.length ? { objective: this.objectiveIds.map(String) } : {}),
      ...(this.from ? { from: toIsoDay(this.from) } : {}),
      ...(this.to ? { to: toIsoDay(this.to) } : {}),
      ...(this.mine ? { participant: ['me'] } : {}),
    };
    this.exportFilters.set(this.filters);
    void this.fetch();
  }

  protected reset(): void {
    this.q = '';
    this.types = [];
    this.objectiveIds = [];
    this.from = null;
    this.to = null;
    this.mine = false;
    this.search();
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor) void this.fetch(cursor);
  }

  protected partnerNames(item: InteractionListItem): string {
    return item.partners.map((partner) => partner.name).join(', ');
  }

  protected contactNames(item: InteractionListItem): string {
    return item.contacts.map((contact) => contact.fullName).join(', ');
  }

  private async fetch(cursor?: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list({ ...this.filters, limit: 25, ...(cursor ? { cursor } : {}) });
      this.items.set(cursor ? [...this.items(), ...page.items] : page.items);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      const problem = ApiProblem.from(error);
      this.error.set(problem.errors[0]?.message ?? problem.detail ?? 'Les échanges n’ont pas pu être chargés.');
    } finally {
      this.loading.set(false);
    }
  }
}
