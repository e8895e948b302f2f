import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AnnualReport } from '@api/plan/plan.schema';
import { ApiProblem } from '../core/api-problem';
import { projectKindLabels, projectStatusLabels } from '../records/labels';
import { ActivityChart, type ChartBar, type ChartSeries } from './activity-chart';
import { annualReportPdfUrl, PlanApi } from './plan-api';

const monthLabel = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });
const monthTitle = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The annual report for the council: the year in figures, two charts, then what was done per objective. */
@Component({
  selector: 'app-annual-report-page',
  imports: [ActivityChart, DatePipe, MatButton, MatFormField, MatLabel, MatOption, MatProgressBar, MatSelect, RouterLink],
  templateUrl: './annual-report-page.html',
  styleUrl: './objectives-progress-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnnualReportPage {
  private readonly api = inject(PlanApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  private readonly currentYear = new Date().getFullYear();
  /** From the plan's first full year to next year. */
  protected readonly years = Array.from({ length: this.currentYear + 2 - 2023 }, (_, index) => this.currentYear + 1 - index);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly year = computed(() => {
    const year = Number(this.params().get('annee'));
    return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : this.currentYear;
  });
  protected readonly report = signal<AnnualReport | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly pdfUrl = computed(() => annualReportPdfUrl(this.year()));
  protected readonly kindLabels = projectKindLabels;
  protected readonly statusLabels = projectStatusLabels;

  protected readonly objectiveSeries: ChartSeries[] = [
    { label: 'échanges', colour: '#2e8b57' },
    { label: 'projets', colour: '#1d4f91' },
    { label: 'visites', colour: '#2f6fb5' },
    { label: 'étapes franchies', colour: '#e08a1e' },
  ];
  protected readonly monthSeries: ChartSeries[] = [
    { label: 'échanges', colour: '#2e8b57' },
    { label: 'visites', colour: '#2f6fb5' },
    { label: 'étapes franchies', colour: '#e08a1e' },
  ];

  protected readonly objectiveBars = computed<ChartBar[]>(
    () =>
      this.report()?.objectives.map((objective) => ({
        label: objective.code,
        title: `${objective.code} ${objective.title}`,
        values: [objective.interactionCount, objective.projects.length, objective.visits.length, objective.milestonesCompleted.length],
      })) ?? [],
  );

  /** Interactions, visits and completed milestones per month, each counted once even when it serves several objectives. */
  protected readonly monthBars = computed<ChartBar[]>(
    () =>
      this.report()?.monthly.map((month) => {
        const date = new Date(`${month.month}-01T00:00:00Z`);
        return { label: monthLabel.format(date).replace('.', ''), title: monthTitle.format(date), values: [month.interactions, month.visits, month.milestones] };
      }) ?? [],
  );

  constructor() {
    effect(() => void this.load(this.year()));
  }

  private async load(year: number): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.report.set(await this.api.annualReport(year));
    } catch (error: unknown) {
      this.report.set(null);
      this.error.set(ApiProblem.from(error).status === 403 ? 'Votre rôle ne donne pas accès au rapport annuel.' : 'Le rapport n’a pas pu être établi.');
    } finally {
      this.loading.set(false);
    }
  }

  protected chooseYear(year: number): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { annee: year === this.currentYear ? null : year } });
  }
}
