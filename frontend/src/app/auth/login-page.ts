import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { RecoveryCodesList } from '../account/recovery-codes';
import { TwoFactorEnrolment } from '../account/two-factor-enrolment';
import { ApiProblem } from '../core/api-problem';
import { Auth } from '../core/auth';
import { loginErrorMessage, safeReturnUrl, secondFactorErrorMessage } from './login-errors';

/** Password, then (for some accounts) a code or the mandatory enrolment and its recovery codes. */
type Step = 'password' | 'second-factor' | 'enrolment' | 'recovery-codes';

@Component({
  selector: 'app-login-page',
  imports: [
    MatButton,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardTitle,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    RecoveryCodesList,
    TwoFactorEnrolment,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');
  private readonly formDirective = viewChild(FormGroupDirective);

  /** Where to go once signed in (query parameter set by the guard). */
  readonly retour = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly secondFactorForm = inject(NonNullableFormBuilder).group({
    code: ['', Validators.required],
  });
  protected readonly step = signal<Step>('password');
  /** On the second step: a recovery code instead of the app's code. */
  protected readonly useRecoveryCode = signal(false);
  protected readonly recoveryCodes = signal<readonly string[]>([]);
  protected readonly pending = signal(false);
  protected readonly serverError = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.serverError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.pending.set(true);
    let next: Awaited<ReturnType<Auth['login']>>;
    try {
      next = await this.auth.login(email.trim(), password);
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.serverError.set(loginErrorMessage(problem));
      if (problem.status === 401) {
        // Clear the password without flagging the now empty field: the alert says what went wrong.
        this.formDirective()?.resetForm({ email, password: '' });
        this.passwordInput()?.nativeElement.focus();
      }
      return;
    } finally {
      this.pending.set(false);
    }
    if (next === 'signed-in') return this.leave();
    this.form.reset({ email, password: '' });
    this.step.set(next);
    if (next === 'second-factor') setTimeout(() => this.codeInput()?.nativeElement.focus());
  }

  protected toggleRecoveryCode(): void {
    this.useRecoveryCode.update((value) => !value);
    this.secondFactorForm.reset();
    this.serverError.set(null);
    setTimeout(() => this.codeInput()?.nativeElement.focus());
  }

  protected async submitSecondFactor(): Promise<void> {
    if (this.pending()) return;
    this.serverError.set(null);
    if (this.secondFactorForm.invalid) {
      this.secondFactorForm.markAllAsTouched();
      return;
    }
    const value = this.secondFactorForm.getRawValue().code.trim();
    this.pending.set(true);
    try {
      await this.auth.verifySecondFactor(this.useRecoveryCode() ? { recoveryCode: value } : { code: value.replace(/\s+/g, '') });
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.serverError.set(secondFactorErrorMessage(problem));
      if (problem.code === 'sign_in_restart') {
        this.restart();
      } else {
        this.secondFactorForm.reset();
        this.codeInput()?.nativeElement.focus();
      }
      return;
    } finally {
      this.pending.set(false);
    }
    await this.leave();
  }

  protected onEnrolled(codes: string[]): void {
    this.recoveryCodes.set(codes);
    this.step.set('recovery-codes');
  }

  /** After the enrolment at sign-in: the server has signed the session in. */
  protected async continueAfterCodes(): Promise<void> {
    await this.auth.refresh();
    await this.leave();
  }

  protected restart(): void {
    this.step.set('password');
    this.useRecoveryCode.set(false);
    this.secondFactorForm.reset();
  }

  private async leave(): Promise<void> {
    await this.router.navigateByUrl(safeReturnUrl(this.retour()));
  }
}
