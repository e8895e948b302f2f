import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { ApiProblem } from '../core/api-problem';
import { Auth } from '../core/auth';
import { loginErrorMessage, safeReturnUrl } from './login-errors';

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
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly formDirective = viewChild.required(FormGroupDirective);

  /** Where to go once signed in (query parameter set by the guard). */
  readonly retour = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
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
    try {
      await this.auth.login(email.trim(), password);
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.serverError.set(loginErrorMessage(problem));
      if (problem.status === 401) {
        // Clear the password without flagging the now empty field: the alert says what went wrong.
        this.formDirective().resetForm({ email, password: '' });
        this.passwordInput().nativeElement.focus();
      }
      return;
    } finally {
      this.pending.set(false);
    }
    await this.router.navigateByUrl(safeReturnUrl(this.retour()));
  }
}
