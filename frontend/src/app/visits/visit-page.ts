import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { VisitView } from '@api/visits/visits.schema';
import { canWriteVisits } from '../records/can-write';
import { confirmation } from '../records/confirm-dialog';
import { HistoryList } from '../records/history-list';
import { visitDirectionLabels } from '../records/labels';
import { recordPage } from '../records/record-page';
import { visitBriefingPdfUrl, VisitsApi } from './visits-api';

@Component({
  selector: 'app-visit-page',
  imports: [DatePipe, HistoryList, MatButton, RouterLink],
  templateUrl: './visit-page.html',
  styleUrl: '../partners/partner-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitPage {
  private readonly api = inject(VisitsApi);
  private readonly confirm = confirmation();
  protected readonly canWrite = canWriteVisits();
  protected readonly directionLabels = visitDirectionLabels;
  protected readonly pdfUrl = visitBriefingPdfUrl;

  readonly id = input.required<string>();
  protected readonly page = recordPage({
    id: this.id,
    get: (id) => this.api.get(id),
    name: (visit) => visit.title,
    words: { notFound: 'Cette visite n’existe pas.', forbidden: 'Votre rôle ne donne pas accès aux visites.', notLoaded: 'La visite n’a pas pu être chargée.' },
  });
  protected readonly loadHistory = (cursor?: string) => this.api.history(Number(this.id()), cursor);

  protected members(visit: VisitView, side: 'town' | 'partner') {
    return visit.delegation.filter((member) => member.side === side);
  }

  protected async remove(): Promise<void> {
    const visit = this.page.record();
    if (!visit) return;
    const confirmed = await this.confirm({ title: 'Supprimer cette visite ?', message: `« ${visit.title} » ira dans la corbeille, d’où elle pourra être restaurée.`, confirm: 'Supprimer' });
    if (confirmed) await this.page.act(() => this.api.delete(visit.id), 'La visite a été mise à la corbeille.');
  }

  protected async restore(): Promise<void> {
    const visit = this.page.record();
    if (visit) await this.page.act(() => this.api.restore(visit.id), 'La visite a été restaurée.');
  }
}
