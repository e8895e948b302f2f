import { CurrencyPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { MilestoneView, ProjectView } from '@api/projects/projects.schema';
import { firstValueFrom } from 'rxjs';
import { ApiProblem } from '../core/api-problem';
import { canWriteRecords } from '../records/can-write';
import { ConfirmDialog, type ConfirmData } from '../records/confirm-dialog';
import { HistoryList } from '../records/history-list';
import { projectKindLabels, projectStatusLabels } from '../records/labels';
import { ProjectsApi } from './projects-api';

@Component({
  selector: 'app-project-page',
  imports: [CurrencyPipe, DatePipe, HistoryList, MatButton, RouterLink],
  templateUrl: './project-page.html',
  styleUrl: '../partners/partner-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectPage {
  private readonly api = inject(ProjectsApi);
  private readonly dialog = inject(MatDialog);
  private readonly title = inject(Title);
  protected readonly canWrite = canWriteRecords();
  protected readonly kindLabels = projectKindLabels;
  protected readonly statusLabels = projectStatusLabels;
  protected readonly today = new Date().toISOString().slice(0, 10);

  readonly id = input.required<string>();
  protected readonly project = signal<ProjectView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly revision = signal(0);
  protected readonly loadHistory = (cursor?: string) => this.api.history(Number(this.id()), cursor);

  constructor() {
    effect(() => void this.load(Number(this.id())));
  }

  private async load(id: number): Promise<void> {
    try {
      const project = await this.api.get(id);
      this.project.set(project);
      this.title.setTitle(`${project.title} · Passerelles`);
      this.revision.update((value) => value + 1);
    } catch (error: unknown) {
      const status = ApiProblem.from(error).status;
      this.error.set(status === 404 ? 'Ce projet n’existe pas.' : status === 403 ? 'Votre rôle ne donne pas accès aux projets.' : 'Le projet n’a pas pu être chargé.');
    }
  }

  protected milestoneState(milestone: MilestoneView): string {
    if (milestone.completedOn) return 'franchie';
    if (milestone.dueOn && milestone.dueOn < this.today) return 'en retard';
    return 'à venir';
  }

  protected async remove(): Promise<void> {
    const project = this.project();
    if (!project) return;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
          data: { title: 'Supprimer ce projet ?', message: `« ${project.title} » ira dans la corbeille, d’où il pourra être restauré.`, confirm: 'Supprimer' },
        })
        .afterClosed(),
    );
    if (confirmed) await this.act(() => this.api.delete(project.id), 'Le projet a été mis à la corbeille.');
  }

  protected async restore(): Promise<void> {
    const project = this.project();
    if (project) await this.act(() => this.api.restore(project.id), 'Le projet a été restauré.');
  }

  private async act(action: () => Promise<unknown>, done: string): Promise<void> {
    this.actionError.set(null);
    try {
      await action();
      this.message.set(done);
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.actionError.set(problem.detail ?? problem.title);
    }
    await this.load(Number(this.id()));
  }
}
