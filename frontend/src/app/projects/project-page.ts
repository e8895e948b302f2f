import { CurrencyPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { MilestoneView } from '@api/projects/projects.schema';
import { canWriteRecords } from '../records/can-write';
import { confirmation } from '../records/confirm-dialog';
import { HistoryList } from '../records/history-list';
import { projectKindLabels, projectStatusLabels } from '../records/labels';
import { recordPage } from '../records/record-page';
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
  private readonly confirm = confirmation();
  protected readonly canWrite = canWriteRecords();
  protected readonly kindLabels = projectKindLabels;
  protected readonly statusLabels = projectStatusLabels;
  protected readonly today = new Date().toISOString().slice(0, 10);

  readonly id = input.required<string>();
  protected readonly page = recordPage({
    id: this.id,
    get: (id) => this.api.get(id),
    name: (project) => project.title,
    words: { notFound: 'Ce projet n’existe pas.', forbidden: 'Votre rôle ne donne pas accès aux projets.', notLoaded: 'Le projet n’a pas pu être chargé.' },
  });
  protected readonly loadHistory = (cursor?: string) => this.api.history(Number(this.id()), cursor);

  protected milestoneState(milestone: MilestoneView): string {
    if (milestone.completedOn) return 'franchie';
    if (milestone.dueOn && milestone.dueOn < this.today) return 'en retard';
    return 'à venir';
  }

  protected async remove(): Promise<void> {
    const project = this.page.record();
    if (!project) return;
    const confirmed = await this.confirm({ title: 'Supprimer ce projet ?', message: `« ${project.title} » ira dans la corbeille, d’où il pourra être restauré.`, confirm: 'Supprimer' });
    if (confirmed) await this.page.act(() => this.api.delete(project.id), 'Le projet a été mis à la corbeille.');
  }

  protected async restore(): Promise<void> {
    const project = this.page.record();
    if (project) await this.page.act(() => this.api.restore(project.id), 'Le projet a été restauré.');
  }
}
