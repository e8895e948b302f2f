import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { PortalAccount } from '@api/portal/portal.schema';
import { firstValueFrom } from 'rxjs';
import { ApiProblem } from '../core/api-problem';
import { applyServerErrors } from '../core/server-errors';
import { ConfirmDialog, type ConfirmData } from '../records/confirm-dialog';
import { accountStatusLabels, PortalApi } from './portal-api';

/** On an association's page: who may edit its public profile, invitations and revocations. */
@Component({
  selector: 'app-portal-access',
  imports: [DatePipe, MatButton, MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule],
  template: `
    <section aria-labelledby="portal-title">
      <h2 id="portal-title">Accès au portail des associations</h2>
      @if (loadError(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
      @if (message(); as text) {
        <p class="done-message" role="status">{{ text }}</p>
      }
      <ul class="accounts">
        @for (account of accounts(); track account.id) {
          <li>
            <span>
              <strong>{{ account.displayName }}</strong> — {{ account.email }} :
              {{ statusLabels[account.status] }}
              @if (account.invitationExpiresAt) {
                (lien valable jusqu’au {{ account.invitationExpiresAt | date: 'd MMMM y' }})
              }
            </span>
            @if (canWrite() && account.status !== 'revoked') {
              <button mat-stroked-button type="button" (click)="revoke(account)">Retirer l’accès</button>
            }
          </li>
        } @empty {
          <li>Personne n’a encore accès au portail pour cette association.</li>
        }
      </ul>
      @if (canWrite()) {
        <form [formGroup]="form" (ngSubmit)="invite()" novalidate class="invite">
          @if (formError(); as error) {
            <p class="error-message" role="alert">{{ error }}</p>
          }
          <mat-form-field>
            <mat-label>Nom de la personne invitée</mat-label>
            <input matInput formControlName="displayName" autocomplete="off" required />
            <mat-error>{{ form.controls.displayName.errors?.['server'] ?? 'Saisissez le nom de la personne.' }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Son adresse e-mail</mat-label>
            <input matInput formControlName="email" type="email" autocomplete="off" required />
            <mat-error>{{ form.controls.email.errors?.['server'] ?? 'Saisissez une adresse e-mail valide.' }}</mat-error>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="pending()">Inviter à gérer la fiche</button>
        </form>
      }
    </section>
  `,
  styles: `
    .accounts {
      padding: 0;
      list-style: none;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        padding: 6px 0;
      }
    }
    .invite {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px;
      mat-form-field {
        flex: 1 1 240px;
      }
      button {
        margin-top: 8px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalAccess {
  private readonly api = inject(PortalApi);
  private readonly dialog = inject(MatDialog);
  readonly partnerId = input.required<number>();
  readonly canWrite = input(false);

  protected readonly accounts = signal<PortalAccount[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly statusLabels = accountStatusLabels;
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    email: ['', [Validators.required, Validators.email]],
  });

  constructor() {
    effect(() => void this.load(this.partnerId()));
  }

  private async load(partnerId: number): Promise<void> {
    try {
      this.accounts.set((await this.api.accounts(partnerId)).items);
      this.loadError.set(null);
    } catch {
      this.loadError.set('Les accès au portail n’ont pas pu être chargés.');
    }
  }

  protected async invite(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.pending()) return;
    this.pending.set(true);
    this.formError.set(null);
    this.message.set(null);
    try {
      const account = await this.api.invite(this.partnerId(), this.form.getRawValue());
      this.message.set(`Invitation envoyée à ${account.email} : le lien est valable 7 jours.`);
      this.form.reset();
      await this.load(this.partnerId());
    } catch (error) {
      this.formError.set(applyServerErrors(this.form, ApiProblem.from(error)));
    } finally {
      this.pending.set(false);
    }
  }

  protected async revoke(account: PortalAccount): Promise<void> {
    const data: ConfirmData = {
      title: 'Retirer l’accès ?',
      message: `${account.displayName} ne pourra plus se connecter au portail ; ses sessions ouvertes se ferment tout de suite.`,
      confirm: 'Retirer l’accès',
    };
    if (!(await firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data }).afterClosed()))) return;
    try {
      await this.api.revoke(account.id);
      this.message.set(`L’accès de ${account.displayName} est retiré.`);
      await this.load(this.partnerId());
    } catch (error) {
      this.loadError.set(ApiProblem.from(error).detail ?? 'L’accès n’a pas pu être retiré.');
    }
  }
}
