import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { InteractionView } from '@api/interactions/interactions.schema';
import { ApiProblem } from '../core/api-problem';
import { followUpStatusLabels, interactionTypeLabels } from './interaction-labels';
import { InteractionsApi } from './interactions-api';

/** One logged exchange: who, when, what was said, what was promised. */
@Component({
  selector: 'app-interaction-page',
  imports: [DatePipe, MatButton, MatProgressBar, RouterLink],
  template: `
    <div class="page">
      @if (error(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
      @if (interaction(); as interaction) {
        <p class="kicker"><a routerLink="/interactions">Échanges</a> › {{ typeLabels[interaction.type] }}</p>
        <div class="heading">
          <h1 class="page-title">{{ interaction.subject }}</h1>
          <div class="actions">
            @if (interaction.deletedAt) {
              <button mat-flat-button type="button" (click)="restore(interaction)">Restaurer</button>
            } @else {
              <button mat-stroked-button type="button" (click)="remove(interaction)">Supprimer</button>
            }
          </div>
        </div>
        @if (message(); as text) {
          <p class="done-message" role="status">{{ text }}</p>
        }
        @if (interaction.deletedAt) {
          <p class="error-message">Cet échange est dans la corbeille depuis le {{ interaction.deletedAt | date: "dd/MM/yyyy 'à' HH:mm" }}.</p>
        }
        <dl class="facts">
          <dt>Date</dt>
          <dd>{{ interaction.occurredAt | date: "EEEE d MMMM y 'à' HH:mm" }}</dd>
          <dt>Lieu</dt>
          <dd>{{ interaction.location ?? '—' }}</dd>
          <dt>Partenaires</dt>
          <dd>
            @for (partner of interaction.partners; track partner.id; let last = $last) {
              <a [routerLink]="['/partenaires', partner.id]">{{ partner.name }}</a>{{ last ? '' : ', ' }}
            } @empty {
              —
            }
          </dd>
          <dt>Contacts</dt>
          <dd>
            @for (contact of interaction.contacts; track contact.id; let last = $last) {
              <a [routerLink]="['/contacts', contact.id]">{{ contact.fullName }}</a>{{ last ? '' : ', ' }}
            } @empty {
              —
            }
          </dd>
          <dt>Pour la mairie</dt>
          <dd>{{ people(interaction) || '—' }}</dd>
          <dt>Objectifs du plan</dt>
          <dd>
            @for (objective of interaction.objectives; track objective.id) {
              <div>{{ objective.code }} {{ objective.title }}</div>
            } @empty {
              —
            }
          </dd>
          <dt>Noté par</dt>
          <dd>{{ interaction.createdBy?.displayName ?? '—' }}, le {{ interaction.createdAt | date: 'dd/MM/yyyy' }}</dd>
        </dl>
        <section aria-labelledby="notes-title">
          <h2 id="notes-title">Compte rendu</h2>
          <p class="notes">{{ interaction.notes ?? 'Pas de compte rendu.' }}</p>
        </section>
        <section aria-labelledby="follow-ups-title">
          <h2 id="follow-ups-title">Suivis</h2>
          <ul class="follow-ups">
            @for (followUp of interaction.followUps; track followUp.id) {
              <li [class.overdue]="followUp.overdue">
                <strong>{{ followUp.title }}</strong> — {{ followUp.assignee.displayName }}, échéance le {{ followUp.dueOn | date: 'dd/MM/yyyy' }} —
                {{ statusLabels[followUp.status] }}
                @if (followUp.overdue) {
                  <strong> (en retard)</strong>
                }
                @if (followUp.dueBeforeInteraction) {
                  <span class="warning"> — l’échéance précède la date de l’échange</span>
                }
              </li>
            } @empty {
              <li>Aucun suivi.</li>
            }
          </ul>
        </section>
      } @else if (!error()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement de l’échange" />
      }
    </div>
  `,
  styles: `
    .kicker {
      margin: 0;
    }
    .heading {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      flex-wrap: wrap;
    }
    .facts {
      display: grid;
      grid-template-columns: 200px 1fr;
      gap: 6px 16px;
    }
    .facts dt {
      font-weight: 500;
    }
    .facts dd {
      margin: 0;
    }
    .notes {
      white-space: pre-line;
    }
    .follow-ups li {
      margin-bottom: 6px;
      padding: 4px 8px;
    }
    .follow-ups li.overdue {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-left: 4px solid var(--mat-sys-error);
    }
    @media (max-width: 600px) {
      .facts {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InteractionPage {
  private readonly api = inject(InteractionsApi);
  private readonly title = inject(Title);
  readonly id = input.required<string>();
  protected readonly typeLabels = interactionTypeLabels;
  protected readonly statusLabels = followUpStatusLabels;
  protected readonly interaction = signal<InteractionView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);

  constructor() {
    effect(() => void this.load(Number(this.id())));
  }

  protected people(interaction: InteractionView): string {
    return interaction.participants.map((person) => person.displayName).join(', ');
  }

  private async load(id: number): Promise<void> {
    try {
      const interaction = await this.api.get(id);
      this.interaction.set(interaction);
      this.title.setTitle(`${interaction.subject} — Passerelles`);
    } catch (error) {
      const problem = ApiProblem.from(error);
      this.error.set(problem.status === 404 ? 'Cet échange n’existe pas ou plus.' : (problem.detail ?? 'L’échange n’a pas pu être chargé.'));
    }
  }

  protected async remove(interaction: InteractionView): Promise<void> {
    try {
      await this.api.delete(interaction.id);
      this.message.set('L’échange est dans la corbeille ; vous pouvez le restaurer.');
      await this.load(interaction.id);
    } catch (error) {
      this.error.set(ApiProblem.from(error).detail ?? 'La suppression a échoué.');
    }
  }

  protected async restore(interaction: InteractionView): Promise<void> {
    try {
      this.interaction.set(await this.api.restore(interaction.id));
      this.message.set('L’échange est restauré.');
    } catch (error) {
      this.error.set(ApiProblem.from(error).detail ?? 'La restauration a échoué.');
    }
  }
}
