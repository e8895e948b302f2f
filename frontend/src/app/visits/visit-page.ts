import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { VisitView } from '@api/visits/visits.schema';
import { firstValueFrom } from 'rxjs';
import { ApiProblem } from '../core/api-problem';
import { canWriteVisits } from '../records/can-write';
import { ConfirmDialog, type ConfirmData } from '../records/confirm-dialog';
import { HistoryList } from '../records/history-list';
import { visitDirectionLabels } from '../records/labels';
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
  private readonly dialog = inject(MatDialog);
  private readonly title = inject(Title);
  protected readonly canWrite = canWriteVisits();
  protected readonly directionLabels = visitDirectionLabels;
  protected readonly pdfUrl = visitBriefingPdfUrl;

  readonly id = input.required<string>();
  protected readonly visit = signal<VisitView | null>(null);
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
      const visit = await this.api.get(id);
      this.visit.set(visit);
      this.title.setTitle(`${visit.title} · Passerelles`);
      this.revision.update((value) => value + 1);
    } catch (error: unknown) {
      const status = ApiProblem.from(error).status;
      this.error.set(status === 404 ? 'Cette visite n’existe pas.' : status === 403 ? 'Votre rôle ne donne pas accès aux visites.' : 'La visite n’a pas pu être chargée.');
    }
  }

  protected members(visit: VisitView, side: 'town' | 'partner') {
    return visit.delegation.filter((member) => member.side === side);
  }

  protected async remove(): Promise<void> {
    const visit = this.visit();
    if (!visit) return;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
          data: { title: 'Supprimer cette visite ?', message: `« ${visit.title} » ira dans la corbeille, d’où elle pourra être restaurée.`, confirm: 'Supprimer' },
        })
        .afterClosed(),
    );
    if (confirmed) await this.act(() => this.api.delete(visit.id), 'La visite a été mise à la corbeille.');
  }

  protected async restore(): Promise<void> {
    const visit = this.visit();
    if (visit) await this.act(() => this.api.restore(visit.id), 'La visite a été restaurée.');
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
