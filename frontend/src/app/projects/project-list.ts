import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { type ParamMap, RouterLink } from '@angular/router';
import type { ProjectView } from '@api/projects/projects.schema';
import { projectKinds, projectStatuses } from '@api/projects/projects.schema';
import { canWriteRecords } from '../records/can-write';
import { projectKindLabels, projectStatusLabels } from '../records/labels';
import { ListPager } from '../records/list-pager';
import { listInUrl } from '../records/page-loader';
import { type ProjectFilters, ProjectsApi } from './projects-api';

function projectFiltersFrom(params: ParamMap): ProjectFilters {
  const filters: ProjectFilters = {};
  for (const key of ['q', 'cursor'] as const) if (params.get(key)) filters[key] = params.get(key)!;
  for (const key of ['kind', 'status'] as const) if (params.getAll(key).length) filters[key] = params.getAll(key);
  return filters;
}

/** The projects, filtered by kind, status and title; the filters live in the URL. */
@Component({
  selector: 'app-project-list',
  imports: [DatePipe, ListPager, MatButton, MatFormField, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, RouterLink],
  template: `
    <div class="page wide">
      <div class="heading">
        <h1 class="page-title">Projets</h1>
        @if (canWrite()) {
          <a mat-flat-button routerLink="/projets/nouveau">Nouveau projet</a>
        }
      </div>
      <section class="filters" aria-label="Filtres">
        <mat-form-field appearance="outline" class="search">
          <mat-label>Rechercher dans les titres</mat-label>
          <input #searchInput matInput type="search" [value]="filters().q ?? ''" (keydown.enter)="list.navigate({ q: searchInput.value.trim() || null })" (change)="list.navigate({ q: searchInput.value.trim() || null })" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Type</mat-label>
          <mat-select multiple [value]="filters().kind ?? []" (valueChange)="list.navigate({ kind: $event.length ? $event : null })">
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ kindLabels[kind] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Statut</mat-label>
          <mat-select multiple [value]="filters().status ?? []" (valueChange)="list.navigate({ status: $event.length ? $event : null })">
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </section>
      @if (list.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement des projets" />
      }
      @if (list.error(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
      <div class="table-wrap">
        <table class="records">
          <caption class="visually-hidden">Liste des projets</caption>
          <thead>
            <tr><th scope="col">Projet</th><th scope="col">Type</th><th scope="col">Statut</th><th scope="col">Dates</th><th scope="col">Partenaires</th><th scope="col">Prochaine étape</th></tr>
          </thead>
          <tbody>
            @for (project of list.items(); track project.id) {
              <tr>
                <td><a [routerLink]="['/projets', project.id]">{{ project.title }}</a></td>
                <td>{{ kindLabels[project.kind] }}</td>
                <td>{{ statusLabels[project.status] }}</td>
                <td>{{ project.startsOn ? (project.startsOn | date: 'MMM y') : '' }}{{ project.endsOn ? ' – ' + (project.endsOn | date: 'MMM y') : '' }}</td>
                <td>{{ partnerNames(project) }}</td>
                <td>{{ nextMilestone(project) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (!list.loading() && !list.error() && list.items().length === 0) {
        <p class="empty">Aucun projet ne correspond à ces filtres.</p>
      }
      <nav class="pager" aria-label="Pagination" [appListPager]="list"></nav>
    </div>
  `,
  styleUrl: '../partners/partner-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectList {
  private readonly api = inject(ProjectsApi);
  protected readonly canWrite = canWriteRecords();
  protected readonly kinds = projectKinds;
  protected readonly statuses = projectStatuses;
  protected readonly kindLabels = projectKindLabels;
  protected readonly statusLabels = projectStatusLabels;

  protected readonly list = listInUrl(projectFiltersFrom, (filters) => this.api.list(filters));
  protected readonly filters = this.list.filters;

  protected partnerNames(project: ProjectView): string {
    return project.partners.map((partner) => partner.name).join(', ');
  }

  protected nextMilestone(project: ProjectView): string {
    const next = project.milestones.filter((milestone) => !milestone.completedOn).sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))[0];
    if (!next) return '';
    return next.dueOn ? `${next.title} (${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${next.dueOn}T00:00:00Z`))})` : next.title;
  }
}
