import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ContactView } from '@api/contacts/contacts.schema';
import { firstValueFrom } from 'rxjs';
import { ApiProblem } from '../core/api-problem';
import { Auth } from '../core/auth';
import { DataApi, saveFile } from '../data/data-api';
import { EraseDialog, type EraseData } from '../data/erase-dialog';
import { canWriteRecords } from '../records/can-write';
import { confirmation } from '../records/confirm-dialog';
import { Countries } from '../records/countries';
import { QuickLog } from '../interactions/quick-log';
import { Timeline } from '../interactions/timeline';
import { HistoryList } from '../records/history-list';
import { languageLabel, legalBasisLabels } from '../records/labels';
import { recordPage } from '../records/record-page';
import { ContactMergeDialog, type ContactMergeData } from './contact-merge-dialog';
import { ContactsApi } from './contacts-api';

@Component({
  selector: 'app-contact-page',
  imports: [DatePipe, HistoryList, Timeline, MatButton, MatProgressBar, RouterLink],
  templateUrl: './contact-page.html',
  styleUrl: '../partners/partner-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactPage {
  private readonly api = inject(ContactsApi);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = confirmation();
  protected readonly countries = inject(Countries);
  protected readonly canWrite = canWriteRecords();
  private readonly dataApi = inject(DataApi);
  private readonly auth = inject(Auth);
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly quickLog = inject(QuickLog);
  protected readonly legalBasisLabels = legalBasisLabels;
  protected readonly languageLabel = languageLabel;

  readonly id = input.required<string>();
  protected readonly page = recordPage({
    id: this.id,
    get: (id) => this.api.get(id),
    name: (contact) => contact.fullName,
    words: { notFound: 'Ce contact n’existe pas.', forbidden: 'Votre rôle ne donne pas accès à cette fiche.', notLoaded: 'La fiche n’a pas pu être chargée.' },
  });
  protected readonly loadHistory = (cursor?: string) => this.api.history(Number(this.id()), cursor);

  constructor() {
    this.countries.load();
  }

  protected async remove(): Promise<void> {
    const contact = this.page.record();
    if (!contact) return;
    const confirmed = await this.confirm({ title: 'Supprimer ce contact ?', message: `La fiche de ${contact.fullName} ira dans la corbeille, d’où elle pourra être restaurée.`, confirm: 'Supprimer' });
    if (confirmed) await this.page.act(() => this.api.delete(contact.id), `La fiche de ${contact.fullName} a été mise à la corbeille.`);
  }

  protected async restore(): Promise<void> {
    const contact = this.page.record();
    if (contact) await this.page.act(() => this.api.restore(contact.id), `La fiche de ${contact.fullName} a été restaurée.`);
  }

  protected async merge(): Promise<void> {
    const contact = this.page.record();
    if (!contact) return;
    const merged = await firstValueFrom(
      this.dialog.open<ContactMergeDialog, ContactMergeData, ContactView>(ContactMergeDialog, { data: { contact }, width: '560px' }).afterClosed(),
    );
    if (merged) {
      this.page.message.set('Les deux fiches ont été fusionnées.');
      await this.page.reload();
    }
  }

  /** The person's data export (GDPR access request), saved as a file. */
  protected async exportData(format: 'json' | 'html'): Promise<void> {
    const contact = this.page.record();
    if (!contact) return;
    this.page.actionError.set(null);
    try {
      saveFile(await this.dataApi.personalData(contact.id, format), `donnees-personnelles-contact-${contact.id}.${format}`);
      this.page.message.set('L’export des données de la personne a été enregistré (et consigné dans le journal).');
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.page.actionError.set(problem.detail ?? 'L’export des données n’a pas pu être établi.');
    }
  }

  protected async erase(): Promise<void> {
    const contact = this.page.record();
    if (!contact) return;
    const reason = await firstValueFrom(
      this.dialog.open<EraseDialog, EraseData, string | undefined>(EraseDialog, { data: { fullName: contact.fullName }, width: '560px' }).afterClosed(),
    );
    if (reason) await this.page.act(() => this.dataApi.erase(contact.id, contact.version, reason), 'La personne a été effacée.');
  }

  protected logInteraction(contact: ContactView): void {
    const partners = contact.affiliations.filter((affiliation) => !affiliation.endedOn).map((affiliation) => ({ id: affiliation.partner.id, label: affiliation.partner.name }));
    void this.quickLog.openDialog({ contacts: [{ id: contact.id, label: contact.fullName }], partners: partners.slice(0, 1) });
  }
}
