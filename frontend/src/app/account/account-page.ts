import { CalendarFeedSection } from '../follow-ups/calendar-feed-section';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiProblem } from '../core/api-problem';
import { Auth } from '../core/auth';
import { applyServerErrors } from '../core/server-errors';
import { AccountApi } from './account-api';
import { RecoveryCodesList } from './recovery-codes';
import { TwoFactorEnrolment } from './two-factor-enrolment';

type TwoFactorMode = 'idle' | 'enrolling' | 'disabling' | 'regenerating';

/** "Mon compte": e-mail address, password and two-factor sign-in of the signed-in user. */
@Component({
  selector: 'app-account-page',
  imports: [
    CalendarFeedSection,
    DatePipe,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
    RecoveryCodesList,
    TwoFactorEnrolment,
  ],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(Auth);
  private readonly forms = inject(NonNullableFormBuilder);

  protected readonly account = this.api.summary();
  protected readonly user = this.auth.user;
  /** The town's staff has follow-ups, and so a calendar of them. */
  protected readonly isStaff = computed(() => ['admin', 'officer', 'cabinet'].includes(this.user()?.role ?? ''));

  protected readonly emailForm = this.forms.group({
    email: ['', [Validators.required, Validators.email]],
    currentPassword: ['', Validators.required],
  });
  protected readonly passwordForm = this.forms.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(12), Validators.maxLength(128)]],
  });
  protected readonly confirmForm = this.forms.group({ currentPassword: ['', Validators.required] });

  protected readonly emailPending = signal(false);
  protected readonly emailMessage = signal<{ kind: 'done' | 'error'; text: string } | null>(null);
  protected readonly passwordPending = signal(false);
  protected readonly passwordMessage = signal<{ kind: 'done' | 'error'; text: string } | null>(null);
  protected readonly twoFactorMode = signal<TwoFactorMode>('idle');
  protected readonly twoFactorPending = signal(false);
  protected readonly twoFactorMessage = signal<{ kind: 'done' | 'error'; text: string } | null>(null);
  protected readonly recoveryCodes = signal<readonly string[]>([]);

  protected async changeEmail(directive: FormGroupDirective): Promise<void> {
    if (this.emailPending()) return;
    this.emailMessage.set(null);
    if (this.emailForm.invalid) {
      this.emailForm.markAllAsTouched();
      return;
    }
    this.emailPending.set(true);
    try {
      const user = await this.api.changeEmail(this.emailForm.getRawValue());
      directive.resetForm();
      this.emailMessage.set({ kind: 'done', text: `Votre adresse est maintenant ${user.email}. Vos autres sessions ont été fermées.` });
      await this.auth.refresh();
      this.account.reload();
    } catch (error: unknown) {
      this.emailMessage.set(this.failure(error, this.emailForm));
    } finally {
      this.emailPending.set(false);
    }
  }

  protected async changePassword(directive: FormGroupDirective): Promise<void> {
    if (this.passwordPending()) return;
    this.passwordMessage.set(null);
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    this.passwordPending.set(true);
    try {
      await this.api.changePassword(this.passwordForm.getRawValue());
      directive.resetForm();
      this.passwordMessage.set({ kind: 'done', text: 'Mot de passe changé. Vos autres sessions ont été fermées.' });
    } catch (error: unknown) {
      this.passwordMessage.set(this.failure(error, this.passwordForm));
    } finally {
      this.passwordPending.set(false);
    }
  }

  protected startTwoFactor(mode: TwoFactorMode): void {
    this.twoFactorMessage.set(null);
    this.recoveryCodes.set([]);
    this.confirmForm.reset();
    this.twoFactorMode.set(mode);
  }

  protected onEnrolled(codes: string[]): void {
    this.recoveryCodes.set(codes);
    this.twoFactorMode.set('idle');
    this.twoFactorMessage.set({ kind: 'done', text: 'Double authentification activée. Vos autres sessions ont été fermées.' });
    this.account.reload();
  }

  /** Turning it off, or new recovery codes: both ask for the password. */
  protected async confirmWithPassword(): Promise<void> {
    if (this.twoFactorPending()) return;
    this.twoFactorMessage.set(null);
    if (this.confirmForm.invalid) {
      this.confirmForm.markAllAsTouched();
      return;
    }
    const { currentPassword } = this.confirmForm.getRawValue();
    this.twoFactorPending.set(true);
    try {
      if (this.twoFactorMode() === 'disabling') {
        await this.api.disableTwoFactor(currentPassword);
        this.twoFactorMessage.set({ kind: 'done', text: 'Double authentification désactivée.' });
      } else {
        this.recoveryCodes.set((await this.api.newRecoveryCodes(currentPassword)).recoveryCodes);
        this.twoFactorMessage.set({ kind: 'done', text: 'Nouveaux codes de secours créés : les anciens ne fonctionnent plus.' });
      }
      this.twoFactorMode.set('idle');
      this.account.reload();
    } catch (error: unknown) {
      this.twoFactorMessage.set(this.failure(error, this.confirmForm));
    } finally {
      this.twoFactorPending.set(false);
    }
  }

  private failure(error: unknown, form: Parameters<typeof applyServerErrors>[0]): { kind: 'error'; text: string } | null {
    const problem = ApiProblem.from(error);
    if (problem.status === 429) return { kind: 'error', text: problem.detail ?? 'Trop de tentatives. Patientez quelques minutes.' };
    const text = applyServerErrors(form, problem);
    return text ? { kind: 'error', text } : null;
  }
}
