import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ObjectiveProgress, PlanOverview } from '@api/plan/plan.schema';
import { ApiProblem } from '../core/api-problem';
import { interactionTypeLabels } from '../interactions/interaction-labels';
import { projectStatusLabels, visitDirectionLabels } from '../records/labels';
import { ActivityChart, type ChartBar, type ChartSeries } from './activity-chart';
import { PlanApi } from './plan-api';

const monthLabel = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });
const monthTitle = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const activitySeries: ChartSeries[] = [
  { label: 'échanges', colour: '#2e8b57' },
  { label: 'visites', colour: '#2f6fb5' },
  { label: 'étapes franchies', colour: '#e08a1e' },
];

/** The months of an objective's activity as chart bars. */
export function monthBars(progress: ObjectiveProgress): ChartBar[] {
  return progress.activity.map((month) => {
    const date = new Date(`${month.month}-01T00:00:00Z`);
    return { label: monthLabel.format(date).replace('.', ''), title: monthTitle.format(date), values: [month.interactions, month.visits, month.milestones] };
  });
}

/** An axis of the action plan, objective by objective: activity over the period, partners, projects and visits. */
@Component({
  selector: 'app-objectives-progress-page',
  imports: [ActivityChart, DatePipe, MatButton, MatFormField, MatInput, MatLabel, MatProgressBar, RouterLink],
  templateUrl: './objectives-progress-page.html',
  styleUrl: './objectives-progress-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObjectivesProgressPage {
  private readonly api = inject(PlanApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly axis = input.required<string>();
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly period = computed(() => ({ from: this.params().get('du') ?? undefined, to: this.params().get('au') ?? undefined }));
  protected readonly overview = signal<PlanOverview | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly axisTitle = computed(() => this.overview()?.objectives[0]?.axisTitle ?? '');
  protected readonly series = activitySeries;
  protected readonly monthBars = monthBars;
  protected readonly statusLabels = projectStatusLabels;
  protected readonly directionLabels = visitDirectionLabels;
  protected readonly interactionLabels = interactionTypeLabels;

  constructor() {
    effect(() => void this.load(this.axis(), this.period()));
  }

  private async load(axis: string, period: { from?: string | undefined; to?: string | undefined }): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.overview.set(await this.api.objectives({ axis, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) }));
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.overview.set(null);
      this.error.set(problem.status === 400 ? (problem.errors[0]?.message ?? 'Cette période n’est pas valable.') : 'Les objectifs n’ont pas pu être chargés.');
    } finally {
      this.loading.set(false);
    }
  }

  protected applyPeriod(from: string, to: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { du: from || null, au: to || null } });
  }
}
