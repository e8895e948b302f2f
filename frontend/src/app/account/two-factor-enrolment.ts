import { ChangeDetectionStrategy, Component, ElementRef, inject, type OnInit, output, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { TwoFactorSetup } from '@api/account/account.schema';
import { ApiProblem } from '../core/api-problem';
import { applyServerErrors } from '../core/server-errors';
import { AccountApi } from './account-api';

/**
 * Turning two-factor sign-in on: the QR code (drawn by the server, nothing from the internet) and the
 * key to type by hand, then a first code. Emits the recovery codes once the server has accepted it.
 */
@Component({
  selector: 'app-two-factor-enrolment',
  imports: [MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule],
  template: `
    @if (failure(); as message) {
      <p class="error-message" role="alert">{{ message }}</p>
    }
    @if (setup(); as current) {
      <ol class="steps">
        <li>
          Ouvrez votre application d’authentification (Google Authenticator, Microsoft Authenticator, FreeOTP…)
          et scannez ce QR code :
          <img class="qr" [src]="current.qrCode" alt="QR code à scanner avec l’application d’authentification" width="200" height="200" />
          <span class="manual">Ou saisissez cette clé : <code class="secret">{{ groupedSecret() }}</code></span>
        </li>
        <li>
          <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Code à 6 chiffres affiché par l’application</mat-label>
              <input #codeInput matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7" required />
              <mat-hint>Le code change toutes les 30 secondes.</mat-hint>
              @if (form.controls.code.hasError('server')) {
                <mat-error>{{ form.controls.code.getError('server') }}</mat-error>
              } @else if (form.controls.code.hasError('required')) {
                <mat-error>Saisissez le code affiché par l’application.</mat-error>
              } @else if (form.controls.code.hasError('pattern')) {
                <mat-error>Le code compte 6 chiffres.</mat-error>
              }
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="pending()">
              {{ pending() ? 'Vérification…' : 'Activer la double authentification' }}
            </button>
          </form>
        </li>
      </ol>
    } @else if (!failure()) {
      <p>Préparation du QR code…</p>
    }
    @if (expired()) {
      <button mat-stroked-button type="button" (click)="start()">Recommencer</button>
    }
  `,
  styles: `
    .steps { display: flex; flex-direction: column; gap: 16px; padding-left: 20px; }
    .qr { display: block; margin: 12px 0; background: white; padding: 8px; border: 1px solid var(--mat-sys-outline-variant); }
    .manual { display: block; }
    .secret { font-size: 1rem; word-break: break-all; }
    form { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; margin-top: 8px; }
    mat-form-field { width: 100%; max-width: 360px; }
    .error-message { color: var(--mat-sys-error); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorEnrolment implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  /** The recovery codes, to show once. */
  readonly enrolled = output<string[]>();

  protected readonly setup = signal<TwoFactorSetup | null>(null);
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly expired = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{3}\s?\d{3}\s*$/)]],
  });

  protected groupedSecret(): string {
    return this.setup()?.secret.replace(/(.{4})(?=.)/g, '$1 ') ?? '';
  }

  ngOnInit(): void {
    void this.start();
  }

  protected async start(): Promise<void> {
    this.failure.set(null);
    this.expired.set(false);
    this.form.reset();
    try {
      this.setup.set(await this.api.startTwoFactor());
    } catch (error: unknown) {
      this.failure.set(ApiProblem.from(error).detail ?? 'Impossible de préparer l’activation. Réessayez.');
    }
  }

  protected async confirm(): Promise<void> {
    if (this.pending()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    try {
      const { recoveryCodes } = await this.api.confirmTwoFactor(this.form.getRawValue().code.replace(/\s+/g, ''));
      this.enrolled.emit(recoveryCodes);
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      if (problem.code === 'two_factor_setup_expired') this.expired.set(true);
      if (problem.status === 429) {
        this.failure.set(problem.detail ?? 'Trop de codes refusés. Patientez quelques minutes.');
      } else {
        this.failure.set(applyServerErrors(this.form, problem));
      }
      this.codeInput()?.nativeElement.focus();
    } finally {
      this.pending.set(false);
    }
  }
}
