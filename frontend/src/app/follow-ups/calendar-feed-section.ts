import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { CalendarFeedStatus } from '@api/follow-ups/follow-ups.schema';
import { ApiProblem } from '../core/api-problem';
import { InteractionsApi } from '../interactions/interactions-api';

/** "Mon compte": the private calendar address of my follow-ups, for Outlook or Thunderbird; revocable. */
@Component({
  selector: 'app-calendar-feed-section',
  imports: [DatePipe, MatButton, MatFormField, MatHint, MatInput, MatLabel],
  template: `
    <section class="section" aria-labelledby="titre-agenda">
      <h2 id="titre-agenda">Agenda de mes suivis</h2>
      <p>
        Abonnez Outlook, Thunderbird ou votre téléphone à cette adresse pour voir vos suivis en cours à leur date d’échéance. Elle est
        secrète : quiconque la connaît voit vos suivis. Vous pouvez la remplacer ou la révoquer à tout moment.
      </p>
      @if (error(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
      @if (url(); as address) {
        <mat-form-field appearance="outline" class="full">
          <mat-label>Adresse de l’agenda</mat-label>
          <input matInput readonly [value]="address" (focus)="select($event)" />
          <mat-hint>Copiez-la maintenant : elle ne sera plus affichée.</mat-hint>
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="copy(address)">Copier l’adresse</button>
        @if (copied()) {
          <span role="status"> Adresse copiée.</span>
        }
      }
      @if (status(); as feed) {
        @if (feed.active) {
          <p>
            Agenda activé le {{ feed.createdAt | date: 'dd/MM/yyyy' }}@if (feed.lastUsedAt) {, consulté pour la dernière fois le {{ feed.lastUsedAt | date: "dd/MM/yyyy 'à' HH:mm" }}}.
          </p>
          <div class="actions">
            <button mat-stroked-button type="button" (click)="create()">Remplacer l’adresse</button>
            <button mat-button type="button" (click)="revoke()">Révoquer l’adresse</button>
          </div>
        } @else {
          <button mat-flat-button type="button" (click)="create()">Créer l’adresse de mon agenda</button>
        }
      }
    </section>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFeedSection {
  private readonly api = inject(InteractionsApi);
  protected readonly status = signal<CalendarFeedStatus | null>(null);
  protected readonly url = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly copied = signal(false);

  constructor() {
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      this.status.set(await this.api.calendarFeed());
    } catch (error) {
      this.error.set(ApiProblem.from(error).detail ?? 'L’état de l’agenda n’a pas pu être lu.');
    }
  }

  protected async create(): Promise<void> {
    this.error.set(null);
    this.copied.set(false);
    try {
      const created = await this.api.createCalendarFeed();
      this.url.set(created.url);
      await this.refresh();
    } catch (error) {
      this.error.set(ApiProblem.from(error).detail ?? 'L’adresse n’a pas pu être créée.');
    }
  }

  protected async revoke(): Promise<void> {
    this.error.set(null);
    try {
      await this.api.revokeCalendarFeed();
      this.url.set(null);
      await this.refresh();
    } catch (error) {
      this.error.set(ApiProblem.from(error).detail ?? 'L’adresse n’a pas pu être révoquée.');
    }
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  protected async copy(address: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(address);
      this.copied.set(true);
    } catch {
      this.error.set('La copie a été refusée par le navigateur : sélectionnez l’adresse et copiez-la.');
    }
  }
}
