import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, MatChipOption, type MatChipListboxChange } from '@angular/material/chips';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { searchKinds } from '@api/search/search.schema';
import { ApiProblem } from '../core/api-problem';
import { objectivesResource } from '../plan/objectives-api';
import { Countries } from '../records/countries';
import { kindLabels } from '../records/labels';
import { HighlightedText } from './highlighted-text';
import { SearchApi, searchKindLabel, type SearchParams } from './search-api';

type Period = { key: string; label: string; range: (today: Date) => { from?: string; to?: string } };

const iso = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export const periods: Period[] = [
  { key: '', label: 'Toutes les dates', range: () => ({}) },
  { key: '30j', label: '30 derniers jours', range: (today) => ({ from: iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30)) }) },
  { key: '12m', label: '12 derniers mois', range: (today) => ({ from: iso(new Date(today.getFullYear() - 1, today.getMonth(), today.getDate())) }) },
  { key: 'annee', label: 'Cette année', range: (today) => ({ from: `${today.getFullYear()}-01-01` }) },
  { key: 'an-dernier', label: 'L’an dernier', range: (today) => ({ from: `${today.getFullYear() - 1}-01-01`, to: `${today.getFullYear() - 1}-12-31` }) },
];

/** The full results of a search, with counts per kind and filters; its whole state is in the URL. */
@Component({
  selector: 'app-search-page',
  imports: [
    HighlightedText,
    MatButton,
    MatChipListbox,
    MatChipOption,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    RouterLink,
  ],
  templateUrl: './search-page.html',
  styleUrl: './search-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPage {
  private readonly api = inject(SearchApi);
  private readonly router = inject(Router);
  private readonly countries = inject(Countries);
  private readonly queryParams = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly periods = periods;
  protected readonly kindOptions = searchKinds.map((kind) => ({ kind, label: searchKindLabel(kind) }));
  protected readonly partnerKindOptions = Object.entries(kindLabels).map(([value, label]) => ({ value, label }));
  protected readonly countryOptions = this.countries.all;
  private readonly objectives = objectivesResource();
  protected readonly objectiveOptions = computed(() => (this.objectives.hasValue() ? this.objectives.value().items : []));

  protected readonly q = computed(() => this.queryParams().get('q')?.trim() ?? '');
  protected readonly selectedKinds = computed(() => (this.queryParams().get('types') ?? '').split(',').filter((kind) => (searchKinds as readonly string[]).includes(kind)));
  protected readonly period = computed(() => this.queryParams().get('periode') ?? '');
  protected readonly partnerKind = computed(() => this.queryParams().get('typePartenaire') ?? '');
  protected readonly country = computed(() => this.queryParams().get('pays') ?? '');
  protected readonly objective = computed(() => this.queryParams().get('objectif') ?? '');

  private readonly params = computed<SearchParams | undefined>(() => {
    const q = this.q();
    if (!q) return undefined;
    const range = (periods.find((period) => period.key === this.period()) ?? periods[0]!).range(new Date());
    return {
      q,
      // Every kind is asked for, so that each shows its count; one chosen kind gets a longer list.
      limit: this.selectedKinds().length === 1 ? 50 : 10,
      ...range,
      ...(this.partnerKind() ? { partnerKind: this.partnerKind() } : {}),
      ...(this.country() ? { country: this.country() } : {}),
      ...(this.objective() ? { objective: Number(this.objective()) } : {}),
    };
  });

  protected readonly results = rxResource({ params: () => this.params(), stream: ({ params }) => this.api.search(params) });

  /** The groups of the last answer; none while the resource is in error (reading its value would throw). */
  private readonly groups = computed(() => (this.results.hasValue() ? this.results.value().groups : []));
  protected readonly counts = computed(() => new Map(this.groups().map((group) => [group.kind, group.total])));
  protected readonly shownGroups = computed(() => {
    const selected = this.selectedKinds();
    return this.groups().filter((group) => group.total > 0 && (selected.length === 0 || selected.includes(group.kind)));
  });
  protected readonly total = computed(() => [...this.counts().values()].reduce((sum, count) => sum + count, 0));
  protected readonly errorMessage = computed(() => {
    const error = this.results.error();
    if (!error) return null;
    const problem = ApiProblem.from(error);
    return problem.status === 400 ? (problem.errors[0]?.message ?? problem.detail ?? problem.title) : 'La recherche n’a pas abouti. Réessayez dans un instant.';
  });

  constructor() {
    this.countries.load();
  }

  protected kindLabel(kind: string): string {
    return searchKindLabel(kind);
  }

  protected search(event: Event, value: string): void {
    event.preventDefault();
    this.navigate({ q: value.trim() || null });
  }

  protected chooseKinds(change: MatChipListboxChange): void {
    const kinds = (change.value as string[] | null) ?? [];
    this.navigate({ types: kinds.length ? kinds.join(',') : null });
  }

  protected showOnly(kind: string): void {
    this.navigate({ types: kind });
  }

  protected filter(name: 'periode' | 'typePartenaire' | 'pays' | 'objectif', value: string): void {
    this.navigate({ [name]: value || null });
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
