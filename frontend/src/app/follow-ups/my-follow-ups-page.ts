import { DatePipe } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { Person } from '@api/common/fields.schema';
import type { FollowUpView } from '@api/follow-ups/follow-ups.schema';
import { ApiProblem } from '../core/api-problem';
import { ExportMenu } from '../data/export-menu';
import { fromIsoDay, provideFrenchDates, toIsoDay } from '../interactions/french-dates';
import { InteractionsApi } from '../interactions/interactions-api';
import { QuickLog } from '../interactions/quick-log';
import { groupFollowUps, localToday } from './follow-up-groups';

type Editing = { id: number; dueOn: Date | null; assigneeUserId: number };

/** "Mes suivis": my open follow-ups, overdue first, then today, this week, later. */
@Component({
  selector: 'app-my-follow-ups-page',
  imports: [DatePipe, ExportMenu, FormsModule, MatButton, MatDatepicker, MatDatepickerInput, MatDatepickerToggle, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, MatSuffix, RouterLink],
  providers: [provideFrenchDates()],
  templateUrl: './my-follow-ups-page.html',
  styleUrl: './my-follow-ups-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyFollowUpsPage {
  private readonly api = inject(InteractionsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly quickLog = inject(QuickLog);
  /** `?suivi=12`: the follow-up to show (from a search result, the digest or the calendar). */
  readonly suivi = input<string>();

  protected readonly items = signal<FollowUpView[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly today = signal(localToday());
  protected readonly groups = computed(() => groupFollowUps(this.items(), this.today()));
  protected readonly assignees = signal<Person[]>([]);
  protected readonly exportFilters = { assignee: ['me'], status: ['open'] };
  protected readonly editing = signal<Editing | null>(null);
  protected readonly busy = signal<number | null>(null);
  protected readonly highlighted = computed(() => Number(this.suivi() ?? 0));

  constructor() {
    effect(() => {
      this.quickLog.saved();
      void this.load();
    });
    void this.api.assignees().then((list) => this.assignees.set(list.items), () => undefined);
  }

  protected async load(keepMessage = false): Promise<void> {
    this.loading.set(true);
    if (!keepMessage) this.error.set(null);
    try {
      const items: FollowUpView[] = [];
      let cursor: string | undefined;
      // A person's open follow-ups are a few dozen: all of them, a hundred at a time.
      do {
        const page = await this.api.followUps({ assignee: ['me'], status: ['open'], limit: 100, ...(cursor ? { cursor } : {}) });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < 1_000);
      this.items.set(items);
      this.today.set(localToday());
      if (this.highlighted()) {
        afterNextRender(() => this.host.querySelector<HTMLElement>(`#suivi-${this.highlighted()}`)?.scrollIntoView({ block: 'center' }), { injector: this.injector });
      }
    } catch (error) {
      this.error.set(ApiProblem.from(error).detail ?? 'Vos suivis n’ont pas pu être chargés.');
    } finally {
      this.loading.set(false);
    }
  }

  protected async complete(item: FollowUpView): Promise<void> {
    const done = await this.change(item, { status: 'done' }, `« ${item.title} » est fait.`);
    if (!done) return;
    const undo = this.snackBar.open(`« ${item.title} » est fait.`, 'Annuler', { duration: 6000 });
    undo.onAction().subscribe(() => void this.change(done, { status: 'open' }, `« ${item.title} » est rouvert.`));
  }

  protected startEditing(item: FollowUpView): void {
    this.editing.set({ id: item.id, dueOn: fromIsoDay(item.dueOn), assigneeUserId: item.assignee.id });
    afterNextRender(() => this.host.querySelector<HTMLElement>(`#suivi-${item.id} .edit input`)?.focus(), { injector: this.injector });
  }

  protected async saveEditing(item: FollowUpView): Promise<void> {
    const editing = this.editing();
    if (!editing?.dueOn) {
      this.error.set('Indiquez la nouvelle échéance (jj/mm/aaaa).');
      return;
    }
    const changes: { dueOn?: string; assigneeUserId?: number } = {};
    if (toIsoDay(editing.dueOn) !== item.dueOn) changes.dueOn = toIsoDay(editing.dueOn);
    if (editing.assigneeUserId !== item.assignee.id) changes.assigneeUserId = editing.assigneeUserId;
    if (Object.keys(changes).length === 0) {
      this.editing.set(null);
      return;
    }
    const who = this.assignees().find((person) => person.id === editing.assigneeUserId)?.displayName;
    const saved = await this.change(item, changes, changes.assigneeUserId ? `« ${item.title} » est confié à ${who}.` : `« ${item.title} » est reporté.`);
    if (saved) this.editing.set(null);
  }

  protected setEditing(changes: Partial<Editing>): void {
    const editing = this.editing();
    if (editing) this.editing.set({ ...editing, ...changes });
  }

  /** One PATCH with the version read; the list follows what the server answers. */
  private async change(item: FollowUpView, changes: Record<string, unknown>, success: string): Promise<FollowUpView | null> {
    this.busy.set(item.id);
    this.error.set(null);
    try {
      const current = this.items().find((candidate) => candidate.id === item.id) ?? item;
      const saved = await this.api.updateFollowUp(item.id, { ...changes, version: current.version });
      // My list keeps what is still open and still mine.
      const keep = saved.status === 'open' && saved.assignee.id === item.assignee.id;
      this.items.update((items) => [...items.filter((candidate) => candidate.id !== saved.id), ...(keep ? [saved] : [])]);
      this.message.set(success);
      return saved;
    } catch (error) {
      const problem = ApiProblem.from(error);
      this.error.set(
        problem.code === 'version_conflict'
          ? 'Ce suivi a été modifié entre-temps par quelqu’un d’autre : la liste est rechargée, vérifiez-le et recommencez.'
          : (problem.errors[0]?.message ?? problem.detail ?? problem.title),
      );
      if (problem.code === 'version_conflict') await this.load(true);
      return null;
    } finally {
      this.busy.set(null);
    }
  }
}
