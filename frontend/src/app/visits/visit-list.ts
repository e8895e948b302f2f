import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { type ParamMap, RouterLink } from '@angular/router';
import type { VisitView } from '@api/visits/visits.schema';
import { visitDirections } from '@api/visits/visits.schema';
import { canWriteVisits } from '../records/can-write';
import { visitDirectionLabels } from '../records/labels';
import { ListPager } from '../records/list-pager';
import { listInUrl } from '../records/page-loader';
import { type VisitFilters, VisitsApi } from './visits-api';

function visitFiltersFrom(params: ParamMap): VisitFilters {
  const direction = params.getAll('direction');
  return { ...(direction.length ? { direction } : {}), ...(params.get('cursor') ? { cursor: params.get('cursor')! } : {}) };
}

/** Visits out and delegations in, newest first; the filters live in the URL. */
@Component({
  selector: 'app-visit-list',
  imports: [DatePipe, ListPager, MatButton, MatFormField, MatLabel, MatOption, MatProgressBar, MatSelect, RouterLink],
  template: `
    <div class="page wide">
      <div class="heading">
        <h1 class="page-title">Visites</h1>
        @if (canWrite()) {
          <a mat-flat-button routerLink="/visites/nouvelle">Nouvelle visite</a>
        }
      </div>
      <section class="filters" aria-label="Filtres">
        <mat-form-field appearance="outline">
          <mat-label>Sens</mat-label>
          <mat-select multiple [value]="filters().direction ?? []" (valueChange)="list.navigate({ direction: $event.length ? $event : null })">
            @for (direction of directions; track direction) {
              <mat-option [value]="direction">{{ directionLabels[direction] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </section>
      @if (list.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement des visites" />
      }
      @if (list.error(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
      <div class="table-wrap">
        <table class="records">
          <caption class="visually-hidden">Liste des visites</caption>
          <thead>
            <tr><th scope="col">Visite</th><th scope="col">Sens</th><th scope="col">Dates</th><th scope="col">Partenaires</th><th scope="col">Lieux</th></tr>
          </thead>
          <tbody>
            @for (visit of list.items(); track visit.id) {
              <tr>
                <td><a [routerLink]="['/visites', visit.id]">{{ visit.title }}</a></td>
                <td>{{ directionLabels[visit.direction] }}</td>
                <td>{{ visit.startsOn | date: 'd MMM y' }}{{ visit.endsOn !== visit.startsOn ? ' – ' + (visit.endsOn | date: 'd MMM y') : '' }}</td>
                <td>{{ names(visit) }}</td>
                <td>{{ visit.places.join(', ') }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (!list.loading() && !list.error() && list.items().length === 0) {
        <p class="empty">Aucune visite enregistrée{{ filters().direction ? ' pour ce filtre' : '' }}.</p>
      }
      <nav class="pager" aria-label="Pagination" [appListPager]="list"></nav>
    </div>
  `,
  styleUrl: '../partners/partner-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitList {
  private readonly api = inject(VisitsApi);
  protected readonly canWrite = canWriteVisits();
  protected readonly directions = visitDirections;
  protected readonly directionLabels = visitDirectionLabels;

  protected readonly list = listInUrl(visitFiltersFrom, (filters) => this.api.list(filters));
  protected readonly filters = this.list.filters;

  protected names(visit: VisitView): string {
    return visit.partners.map((partner) => partner.name).join(', ');
  }
}
