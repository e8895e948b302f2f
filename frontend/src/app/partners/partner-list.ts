import { DatePipe } from '@angular/common';
import { ExportMenu } from '../data/export-menu';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader } from '@angular/material/sort';
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
import { type ParamMap, RouterLink } from '@angular/router';
import type { Person } from '@api/common/fields.schema';
import { partnerKinds, partnerStatuses } from '@api/partners/partners.schema';
import { objectivesResource } from '../plan/objectives-api';
import { canWriteRecords } from '../records/can-write';
import { Countries } from '../records/countries';
import { type FilterChip, FilterChips } from '../records/filter-chips';
import { kindLabel, kindLabels, statusLabel, statusLabels } from '../records/labels';
import { ListPager } from '../records/list-pager';
import { listInUrl, sortInUrl } from '../records/page-loader';
import { type PartnerFilters, PartnersApi } from './partners-api';

const multiParams = ['kind', 'status', 'country', 'tag', 'owner', 'objective'] as const;

/** The partners, filtered, sorted and paged; the whole state lives in the URL so a view can be shared. */
@Component({
  selector: 'app-partner-list',
  imports: [
    ExportMenu,
    FilterChips,
    ListPager,
    DatePipe,
    MatButton,
    MatCell,
    MatCellDef,
    MatCheckbox,
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

  protected readonly list = listInUrl(filtersFrom, (filters) => this.api.list(filters));
  protected readonly filters = this.list.filters;
  protected readonly trash = computed(() => this.filters().deleted === true);
  protected readonly sorting = sortInUrl(this.list, 'name');

  protected readonly columns = computed(() =>
    this.trash() ? ['name', 'kind', 'country', 'deletedAt'] : ['name', 'kind', 'country', 'city', 'status', 'tags', 'owner', 'lastInteraction', 'created'],
  );

  protected readonly chips = computed<FilterChip[]>(() => {
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
    const chips: FilterChip[] = [];
    if (filters.q) chips.push({ param: 'q', value: filters.q, label: `Texte : ${filters.q}` });
    for (const param of multiParams) for (const value of filters[param] ?? []) chips.push({ param, value, label: label(param, value) });
    return chips;
  });

  constructor() {
    this.countries.load();
    void this.api.owners().then((response) => this.owners.set(response.items), () => undefined);
  }

  protected search(text: string): void {
    this.list.navigate({ q: text.trim() || null });
  }

  protected setMulti(param: (typeof multiParams)[number], values: string[]): void {
    this.list.navigate({ [param]: values.length ? values : null });
  }

  protected addTag(input: HTMLInputElement): void {
    const tag = input.value.trim();
    if (!tag) return;
    input.value = '';
    this.setMulti('tag', [...new Set([...(this.filters().tag ?? []), tag])]);
  }

  protected removeChip(chip: FilterChip): void {
    if (chip.param === 'q') return this.list.navigate({ q: null });
    const param = chip.param as (typeof multiParams)[number];
    this.setMulti(param, (this.filters()[param] ?? []).filter((value) => value !== chip.value));
  }

  protected clearFilters(): void {
    this.list.navigate(Object.fromEntries(['q', ...multiParams].map((param) => [param, null])));
  }

  protected setTrash(trash: boolean): void {
    this.list.navigate({ deleted: trash ? 'true' : null });
  }
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
