import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { HomePage as HomeData } from '@api/home/home.schema';
import { ApiProblem } from '../core/api-problem';
import { Auth } from '../core/auth';
import { groupFollowUps } from '../follow-ups/follow-up-groups';
import { interactionTypeLabels } from '../interactions/interaction-labels';
import { InteractionsApi } from '../interactions/interactions-api';
import { QuickLog } from '../interactions/quick-log';
import { kindLabels } from '../records/labels';

const quietMonthsKey = 'passerelles.quietMonths';

/** The officer's day: follow-ups, recent exchanges, partners gone quiet, key dates coming. */
@Component({
  selector: 'app-home-page',
  imports: [DatePipe, FormsModule, MatButton, MatFormField, MatInput, MatLabel, MatProgressBar, RouterLink],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly api = inject(InteractionsApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  protected readonly quickLog = inject(QuickLog);
  protected readonly typeLabels = interactionTypeLabels;
  protected readonly kindLabels = kindLabels;

  protected readonly data = signal<HomeData | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly userName = computed(() => this.auth.user()?.displayName ?? '');
  protected readonly groups = computed(() => {
    const data = this.data();
    return data ? groupFollowUps(data.followUps, data.today) : [];
  });
  protected readonly overdueCount = computed(() => this.data()?.followUps.filter((followUp) => followUp.overdue).length ?? 0);
  /** Empty: the settings' months for each kind; a number: the same for every kind (kept in this browser). */
  protected quietMonths: number | null = readQuietMonths();

  constructor() {
    effect(() => {
      // Associations have their own pages: the plan is their home.
      if (this.auth.user()?.role === 'association') void this.router.navigateByUrl('/plan', { replaceUrl: true });
    });
    effect(() => {
      this.quickLog.saved();
      if (this.auth.user() && this.auth.user()?.role !== 'association') untracked(() => void this.load());
    });
  }

  protected async load(): Promise<void> {
    try {
      this.data.set(await this.api.home(this.quietMonths ? { quietMonths: this.quietMonths } : {}));
      this.error.set(null);
    } catch (error) {
      const problem = ApiProblem.from(error);
      this.error.set(problem.errors[0]?.message ?? problem.detail ?? 'La page d’accueil n’a pas pu être chargée.');
    }
  }

  protected applyQuietMonths(): void {
    const months = Number(this.quietMonths);
    this.quietMonths = Number.isInteger(months) && months >= 1 && months <= 120 ? months : null;
    if (this.quietMonths) localStorage.setItem(quietMonthsKey, String(this.quietMonths));
    else localStorage.removeItem(quietMonthsKey);
    void this.load();
  }

  protected logWith(partner: { id: number; name: string }): void {
    void this.quickLog.openDialog({ partners: [{ id: partner.id, label: partner.name }] });
  }

  protected partnerNames(item: { partners: { name: string }[] }): string {
    return item.partners.map((partner) => partner.name).join(', ');
  }
}

function readQuietMonths(): number | null {
  try {
    const value = Number(localStorage.getItem(quietMonthsKey));
    return Number.isInteger(value) && value >= 1 && value <= 120 ? value : null;
  } catch {
    return null;
  }
}
