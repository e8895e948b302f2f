import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import type { ContactListItem } from '@api/contacts/contacts.schema';
import type { PartnerView } from '@api/partners/partners.schema';
import type { RelationshipView } from '@api/relationships/relationships.schema';
import { firstValueFrom } from 'rxjs';
import { ContactsApi } from '../contacts/contacts-api';
import { ApiProblem } from '../core/api-problem';
import { canWriteRecords } from '../records/can-write';
import { ConfirmDialog, type ConfirmData } from '../records/confirm-dialog';
import { Countries } from '../records/countries';
import { QuickLog } from '../interactions/quick-log';
import { Timeline } from '../interactions/timeline';
import { PortalAccess } from '../portal/portal-access';
import { HistoryList } from '../records/history-list';
import { kindLabels, languageLabel, relationshipWording, statusLabels } from '../records/labels';
import { LinkDialog, type LinkDialogData } from './link-dialog';
import { MergeDialog, type MergeDialogData } from './merge-dialog';
import { PartnersApi } from './partners-api';

export type LinkLine = { id: number; wording: string; other: { id: number; name: string }; startedOn: string | null; endedOn: string | null };

/** A link as read from one partner's page: "jumelée avec Ville de Sceaux", "a pour membre Lund University". */
export function linkLine(relationship: RelationshipView, partnerId: number): LinkLine {
  const fromSource = relationship.source.id === partnerId;
  const wording = relationshipWording[relationship.type];
  return {
    id: relationship.id,
    wording: fromSource ? wording.fromSource : wording.fromTarget,
    other: fromSource ? relationship.target : relationship.source,
    startedOn: relationship.startedOn,
    endedOn: relationship.endedOn,
  };
}

@Component({
  selector: 'app-partner-page',
  imports: [DatePipe, HistoryList, Timeline, MatButton, MatProgressBar, PortalAccess, RouterLink],
  templateUrl: './partner-page.html',
  styleUrl: './partner-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerPage {
  private readonly api = inject(PartnersApi);
  private readonly contactsApi = inject(ContactsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  protected readonly countries = inject(Countries);
  protected readonly canWrite = canWriteRecords();
  protected readonly quickLog = inject(QuickLog);

  readonly id = input.required<string>();
  protected readonly partner = signal<PartnerView | null>(null);
  protected readonly links = signal<LinkLine[]>([]);
  protected readonly people = signal<ContactListItem[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly revision = signal(0);

  protected readonly kindLabels = kindLabels;
  protected readonly statusLabels = statusLabels;
  protected readonly languageLabel = languageLabel;
  protected readonly localNames = computed(() => Object.entries(this.partner()?.localNames ?? {}));
  protected readonly loadHistory = (cursor?: string) => this.api.history(Number(this.id()), cursor);

  constructor() {
    this.countries.load();
    effect(() => void this.load(Number(this.id())));
  }

  private async load(id: number): Promise<void> {
    this.error.set(null);
    try {
      // The three requests run together, but the partner's own answer is awaited first so that its
      // 404 decides the message, not whichever of the other two happened to fail first (a 403, say).
      const partnerRequest = this.api.get(id);
      const others = Promise.all([this.api.relationships(id), this.contactsApi.list({ partner: [String(id)], limit: 100 })]);
      others.catch(() => undefined); // its failure, if any, is raised by the await below
      const partner = await partnerRequest;
      const [relationships, people] = await others;
      this.partner.set(partner);
      this.title.setTitle(`${partner.name} · Passerelles`);
      this.links.set(relationships.items.map((relationship) => linkLine(relationship, id)));
      this.people.set(people.items);
      this.revision.update((value) => value + 1);
    } catch (error: unknown) {
      const status = ApiProblem.from(error).status;
      this.error.set(status === 404 ? 'Ce partenaire n’existe pas.' : status === 403 ? 'Votre rôle ne donne pas accès à cette fiche.' : 'La fiche n’a pas pu être chargée.');
    }
  }

  /** The roles a person holds at this partner, with their dates. */
  protected rolesHere(contact: ContactListItem) {
    return contact.affiliations.filter((affiliation) => affiliation.partner.id === Number(this.id()));
  }

  private confirm(data: ConfirmData): Promise<boolean | undefined> {
    return firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data }).afterClosed());
  }

  protected async remove(): Promise<void> {
    const partner = this.partner();
    if (!partner) return;
    const confirmed = await this.confirm({
      title: 'Supprimer ce partenaire ?',
      message: `« ${partner.name} » ira dans la corbeille, d’où un chargé de mission pourra le restaurer.`,
      confirm: 'Supprimer',
    });
    if (!confirmed) return;
    await this.act(async () => {
      await this.api.delete(partner.id);
      this.message.set(`« ${partner.name} » a été mis à la corbeille.`);
    });
  }

  protected async restore(): Promise<void> {
    const partner = this.partner();
    if (!partner) return;
    await this.act(async () => {
      await this.api.restore(partner.id);
      this.message.set(`« ${partner.name} » a été restauré.`);
    });
  }

  protected async addLink(): Promise<void> {
    const partner = this.partner();
    if (!partner) return;
    const created = await firstValueFrom(
      this.dialog.open<LinkDialog, LinkDialogData, RelationshipView>(LinkDialog, { data: { partner }, width: '560px' }).afterClosed(),
    );
    if (created) await this.load(partner.id);
  }

  protected async removeLink(line: LinkLine): Promise<void> {
    const confirmed = await this.confirm({
      title: 'Retirer ce lien ?',
      message: `${this.partner()?.name} ${line.wording} ${line.other.name}`,
      confirm: 'Retirer le lien',
    });
    if (!confirmed) return;
    await this.act(() => this.api.unlink(line.id));
  }

  protected async merge(): Promise<void> {
    const partner = this.partner();
    if (!partner) return;
    const merged = await firstValueFrom(
      this.dialog.open<MergeDialog, MergeDialogData, PartnerView>(MergeDialog, { data: { partner }, width: '560px' }).afterClosed(),
    );
    if (merged) {
      this.message.set('Les deux fiches ont été fusionnées.');
      await this.load(partner.id);
    }
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    this.actionError.set(null);
    try {
      await action();
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.actionError.set(problem.detail ?? problem.title);
    }
    await this.load(Number(this.id()));
  }

  protected newContactLink(): void {
    void this.router.navigate(['/contacts/nouveau'], { queryParams: { partenaire: this.id() } });
  }

  protected logInteraction(partner: PartnerView): void {
    void this.quickLog.openDialog({ partners: [{ id: partner.id, label: partner.name }] });
  }
}
