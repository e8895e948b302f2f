import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { InvitationInfo } from '@api/portal/portal.schema';
import { ApiProblem } from '../core/api-problem';
import { applyServerErrors } from '../core/server-errors';
import { PortalApi } from './portal-api';

/** The page an invitation e-mail links to: the invited person chooses a password, then signs in. */
@Component({
  selector: 'app-invitation-page',
  imports: [DatePipe, MatAnchor, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule, RouterLink],
  template: `
    <main class="page invitation">
      <h1 class="page-title">Bienvenue sur Passerelles</h1>
      @if (loadError(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
        <a mat-stroked-button routerLink="/connexion">Aller à la connexion</a>
      } @else if (accepted(); as email) {
        <p class="done-message" role="status">Votre mot de passe est enregistré. Connectez-vous avec l’adresse {{ email }}.</p>
        <a mat-flat-button routerLink="/connexion">Se connecter</a>
      } @else if (info(); as info) {
        <p>
          Bonjour {{ info.displayName }}, vous êtes invité(e) à tenir à jour la fiche de <strong>{{ info.partnerName }}</strong>.
          Choisissez votre mot de passe (lien valable jusqu’au {{ info.expiresAt | date: 'd MMMM y' }}).
        </p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          @if (formError(); as message) {
            <p class="error-message" role="alert">{{ message }}</p>
          }
          <input type="email" name="username" autocomplete="username" [value]="info.email" hidden readonly />
          <mat-form-field>
            <mat-label>Mot de passe</mat-label>
            <input matInput formControlName="password" type="password" autocomplete="new-password" required />
            <mat-hint>12 caractères au moins ; une phrase facile à retenir convient très bien.</mat-hint>
            <mat-error>
              @if (form.controls.password.errors?.['server']; as message) {
                {{ message }}
              } @else {
                Saisissez un mot de passe de 12 caractères au moins.
              }
            </mat-error>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="pending()">Enregistrer mon mot de passe</button>
        </form>
      }
    </main>
  `,
  styles: `
    .invitation {
      max-width: 560px;
    }
    form {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 12px;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPage {
  private readonly api = inject(PortalApi);
  readonly token = input.required<string>();

  protected readonly info = signal<InvitationInfo | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly accepted = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', [Validators.required, Validators.minLength(12)]] });

  constructor() {
    effect(() => void this.load(this.token()));
  }

  private async load(token: string): Promise<void> {
    try {
      this.info.set(await this.api.invitation(token));
    } catch (error) {
      const problem = ApiProblem.from(error);
      this.loadError.set(problem.status === 404 ? (problem.detail ?? 'Ce lien d’invitation a expiré ou a déjà servi.') : 'L’invitation n’a pas pu être lue ; réessayez dans un instant.');
    }
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.pending()) return;
    this.pending.set(true);
    this.formError.set(null);
    try {
      const result = await this.api.acceptInvitation(this.token(), this.form.getRawValue().password);
      this.accepted.set(result.email);
    } catch (error) {
      this.formError.set(applyServerErrors(this.form, ApiProblem.from(error)));
    } finally {
      this.pending.set(false);
    }
  }
}
