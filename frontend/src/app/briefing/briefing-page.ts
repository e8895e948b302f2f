import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { BriefingPack } from '@api/briefing/briefing.schema';
import { ApiProblem } from '../core/api-problem';
import { interactionTypeLabels } from '../interactions/interaction-labels';
import { Countries } from '../records/countries';
import { kindLabels, languageLabel, projectKindLabels, projectStatusLabels, relationshipWording, statusLabels, visitDirectionLabels } from '../records/labels';
import { partnerBriefingPdfUrl, visitBriefingPdfUrl, VisitsApi } from '../visits/visits-api';

/**
 * The briefing pack, generated from the records in one click: the visit and its programme, then for
 * each partner its profile, key dates, key people, running projects and past visits. Printable as it
 * is, and downloadable as a PDF.
 */
@Component({
  selector: 'app-briefing-page',
  imports: [DatePipe, MatButton, MatProgressBar, RouterLink],
  templateUrl: './briefing-page.html',
  styleUrl: './briefing-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefingPage {
  private readonly api = inject(VisitsApi);
  private readonly title = inject(Title);
  protected readonly countries = inject(Countries);

  readonly id = input.required<string>();
  /** 'visit' (route data) for /visites/:id/dossier, 'partner' for /partenaires/:id/dossier. */
  readonly briefing = input<'visit' | 'partner'>('visit');

  protected readonly pack = signal<BriefingPack | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pdfUrl = computed(() => (this.briefing() === 'visit' ? visitBriefingPdfUrl(Number(this.id())) : partnerBriefingPdfUrl(Number(this.id()))));
  protected readonly kindLabels = kindLabels;
  protected readonly statusLabels = statusLabels;
  protected readonly projectKindLabels = projectKindLabels;
  protected readonly projectStatusLabels = projectStatusLabels;
  protected readonly directionLabels = visitDirectionLabels;
  protected readonly languageLabel = languageLabel;
  protected readonly interactionLabels = interactionTypeLabels;

  constructor() {
    this.countries.load();
    effect(() => void this.load(this.briefing(), Number(this.id())));
  }

  private async load(kind: 'visit' | 'partner', id: number): Promise<void> {
    this.error.set(null);
    try {
      const pack = kind === 'visit' ? await this.api.visitBriefing(id) : await this.api.partnerBriefing(id);
      this.pack.set(pack);
      this.title.setTitle(`Dossier — ${pack.visit?.title ?? pack.partners[0]?.name ?? ''} · Passerelles`);
    } catch (error: unknown) {
      const status = ApiProblem.from(error).status;
      this.error.set(status === 404 ? 'Ce dossier ne peut pas être préparé : la fiche n’existe pas ou plus.' : 'Le dossier n’a pas pu être préparé.');
    }
  }

  protected relationship(link: { type: string; direction: 'outgoing' | 'incoming' }): string {
    const wording = relationshipWording[link.type as keyof typeof relationshipWording];
    return wording ? (link.direction === 'outgoing' ? wording.fromSource : wording.fromTarget) : link.type;
  }

  protected localNames(names: Record<string, string>): string {
    return Object.entries(names)
      .map(([language, name]) => `${name} (${languageLabel(language)})`)
      .join(', ');
  }

  protected members(side: 'town' | 'partner') {
    return this.pack()?.visit?.delegation.filter((member) => member.side === side) ?? [];
  }

  protected print(): void {
    window.print();
  }
}
