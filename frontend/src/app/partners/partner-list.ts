import { DatePipe } from '@angular/common';
import { ExportMenu } from '../data/export-menu';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChip, MatChipRemove, MatChipSet } from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { ActivatedRoute, type ParamMap, Router, RouterLink } from '@angular/router';
import type { Person } from '@api/common/fields.schema';
import type { PartnerListItem } from '@api/partners/partners.schema';
import { partnerKinds, partnerStatuses } from '@api/partners/partners.schema';
import { ApiProblem } from '../core/api-problem';
import { objectivesResource } from '../plan/objectives-api';
import { canWriteRecords } from '../records/can-write';
import { listErrorMessage } from '../records/list-errors';
import { Countries } from '../records/countries';
import { kindLabel, kindLabels, statusLabel, statusLabels } from '../records/labels';
import { type PartnerFilters, PartnersApi } from './partners-api';

type Chip = { param: string; value: string; label: string };
const multiParams = ['kind', 'status', 'country', 'tag', 'owner', 'objective'] as const;

/** The partners, filtered, sorted and paged; the whole state lives in the URL so a view can be shared. */
@Component({
  selector: 'app-partner-list',
  imports: [
    ExportMenu,
    DatePipe,
    MatButton,
    MatCell,
    MatCellDef,
    MatCheckbox,
    MatChip,
    MatChipRemove,
    MatChipSet,
    MatColumnDef,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatSelect,
    MatSort,
    MatSortHeader,
    MatTable,
    RouterLink,
  ],
  templateUrl: './partner-list.html',
  styleUrl: './partner-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerList {
  private readonly api = inject(PartnersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly countries = inject(Countries);
  protected readonly canWrite = canWriteRecords();
  protected readonly objectives = objectivesResource();

  protected readonly kinds = partnerKinds;
  protected readonly statuses = partnerStatuses;
  protected readonly kindLabels = kindLabels;
  protected readonly statusLabels = statusLabels;
  protected readonly kindLabel = kindLabel;
  protected readonly statusLabel = statusLabel;
  protected readonly owners = signal<Person[]>([]);

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed(() => filtersFrom(this.params()));
  protected readonly trash = computed(() => this.filters().deleted === true);
  protected readonly sort = computed<Sort>(() => {
    const sort = this.filters().sort ?? 'name';
    return { active: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' };
  });

  protected readonly items = signal<PartnerListItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  /** Cursors of the pages before this one, for "page précédente" (kept in memory, the URL holds the current one). */
  private readonly previousCursors = signal<(string | undefined)[]>([]);

  protected readonly columns = computed(() =>
    this.trash() ? ['name', 'kind', 'country', 'deletedAt'] : ['name', 'kind', 'country', 'city', 'status', 'tags', 'owner', 'lastInteraction', 'created'],
  );

  protected readonly chips = computed<Chip[]>(() => {
    const filters = this.filters();
    const objectives = this.objectives.hasValue() ? this.objectives.value().items : [];
    const label = (param: string, value: string): string => {
      switch (param) {
        case 'kind':
          return `Type : ${(kindLabels as Record<string, string>)[value] ?? value}`;
        case 'status':
          return `Statut : ${(statusLabels as Record<string, string>)[value] ?? value}`;
        case 'country':
          return `Pays : ${this.countries.name(value)}`;
        case 'tag':
          return `Mot-clé : ${value}`;
        case 'owner':
          return `Référent : ${this.owners().find((owner) => String(owner.id) === value)?.displayName ?? value}`;
        case 'objective':
          return `Objectif : ${objectives.find((objective) => String(objective.id) === value)?.code ?? value}`;
        default:
          return value;
      }
    };
    const chips: Chip[] = [];
    if (filters.q) chips.push({ param: 'q', value: filters.q, label: `Texte : ${filters.q}` });
    for (const param of multiParams) for (const value of filters[param] ?? []) chips.push({ param, value, label: label(param, value) });
    return chips;
  });

  constructor() {
    this.countries.load();
    void this.api.owners().then((response) => this.owners.set(response.items), () => undefined);
    effect(() => void this.fetch(this.filters()));
  }

  private async fetch(filters: PartnerFilters): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(filters);
      this.items.set(page.items);
      this.nextCursor.set(page.nextCursor);
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.items.set([]);
      this.nextCursor.set(null);
      this.error.set(listErrorMessage(problem));
    } finally {
      this.loading.set(false);
    }
  }

  /** Changes the URL (and so the list); any change of filter or sort starts again at the first page. */
  private navigate(changes: Record<string, string | string[] | null>, keepCursor = false): void {
    if (!keepCursor) this.previousCursors.set([]);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ...changes, ...(keepCursor ? {} : { cursor: null }) },
      queryParamsHandling: 'merge',
    });
  }

  protected search(text: string): void {
    this.navigate({ q: text.trim() || null });
  }

  protected setMulti(param: (typeof multiParams)[number], values: string[]): void {
    this.navigate({ [param]: values.length ? values : null });
  }

  protected addTag(input: HTMLInputElement): void {
    const tag = input.value.trim();
    if (!tag) return;
    input.value = '';
    this.setMulti('tag', [...new Set([...(this.filters().tag ?? []), tag])]);
  }

  protected removeChip(chip: Chip): void {
    if (chip.param === 'q') return this.navigate({ q: null });
    const param = chip.param as (typeof multiParams)[number];
    this.setMulti(param, (this.filters()[param] ?? []).filter((value) => value !== chip.value));
  }

  protected clearFilters(): void {
    this.navigate(Object.fromEntries(['q', ...multiParams].map((param) => [param, null])));
  }

  protected setTrash(trash: boolean): void {
    this.navigate({ deleted: trash ? 'true' : null });
  }

  protected sortChange(sort: Sort): void {
    const key = sort.direction ? sort.active : 'name';
    const descending = sort.direction === 'desc';
    this.navigate({ sort: key === 'name' && !descending ? null : `${descending ? '-' : ''}${key}` });
  }

  protected nextPage(): void {
    const next = this.nextCursor();
    if (!next) return;
    this.previousCursors.update((cursors) => [...cursors, this.filters().cursor]);
    this.navigate({ cursor: next }, true);
  }

  protected previousPage(): void {
    const cursors = this.previousCursors();
    const previous = cursors.at(-1);
    this.previousCursors.set(cursors.slice(0, -1));
    this.navigate({ cursor: previous ?? null }, true);
  }

  protected firstPage(): void {
    this.navigate({ cursor: null });
  }

  protected readonly hasPrevious = computed(() => this.filters().cursor !== undefined);
  protected readonly canGoBack = computed(() => this.previousCursors().length > 0);
}

export function filtersFrom(params: ParamMap): PartnerFilters {
  const filters: PartnerFilters = {};
  const q = params.get('q');
  if (q) filters.q = q;
  for (const param of multiParams) {
    const values = params.getAll(param).filter(Boolean);
    if (values.length) filters[param] = values;
  }
  if (params.get('deleted') === 'true') filters.deleted = true;
  const sort = params.get('sort');
  if (sort) filters.sort = sort;
  const cursor = params.get('cursor');
  if (cursor) filters.cursor = cursor;
  return filters;
}
