import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import type { Role, UserAccount } from '@api/users/users.schema';
import { ApiProblem } from '../core/api-problem';
import { Auth } from '../core/auth';
import { applyServerErrors } from '../core/server-errors';
import { roleLabels, UsersApi } from './users-api';

type Notice = { kind: 'done' | 'error'; text: string };
/** A password to show once, and whose it is. */
type ShownPassword = { email: string; password: string };

/** "Comptes": administrators create accounts, change roles, (de)activate them and set the 2FA rule. */
@Component({
  selector: 'app-users-page',
  imports: [
    DatePipe,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatSlideToggle,
    ReactiveFormsModule,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  protected readonly me = inject(Auth).user;

  protected readonly accounts = this.api.list();
  protected readonly settings = this.api.securitySettings();
  protected readonly roles = Object.entries(roleLabels).map(([value, label]) => ({ value: value as Role, label }));
  protected readonly roleLabels = roleLabels;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    displayName: ['', Validators.required],
    role: ['officer' as Role, Validators.required],
    partnerId: [null as number | null],
  });
  protected readonly creating = signal(false);
  protected readonly createNotice = signal<Notice | null>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly shownPassword = signal<ShownPassword | null>(null);
  protected readonly busyId = signal<number | null>(null);
  protected readonly isAssociation = signal(false);

  protected readonly items = computed<UserAccount[]>(() => (this.accounts.hasValue() ? this.accounts.value().items : []));

  constructor() {
    this.form.controls.role.valueChanges.subscribe((role) => this.isAssociation.set(role === 'association'));
  }

  protected async create(directive: FormGroupDirective): Promise<void> {
    if (this.creating()) return;
    this.createNotice.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.creating.set(true);
    try {
      const created = await this.api.create({
        email: value.email.trim(),
        displayName: value.displayName.trim(),
        role: value.role,
        ...(value.role === 'association' ? { partnerId: value.partnerId === null ? null : Number(value.partnerId) } : {}),
      });
      directive.resetForm({ email: '', displayName: '', role: 'officer', partnerId: null });
      this.shownPassword.set({ email: created.user.email, password: created.password });
      this.createNotice.set({ kind: 'done', text: `Compte créé pour ${created.user.displayName}.` });
      this.accounts.reload();
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      if (problem.code === 'email_taken') {
        this.form.controls.email.setErrors({ server: problem.detail ?? 'Adresse déjà utilisée.' });
        this.createNotice.set(null);
      } else {
        const text = applyServerErrors(this.form, problem);
        this.createNotice.set(text ? { kind: 'error', text } : null);
      }
    } finally {
      this.creating.set(false);
    }
  }

  protected changeRole(account: UserAccount, role: Role): Promise<void> {
    return this.act(account, () => this.api.update(account.id, { version: account.version, role }), `Rôle de ${account.displayName} : ${roleLabels[role]}. Ses sessions ont été fermées.`);
  }

  protected setActive(account: UserAccount, active: boolean): Promise<void> {
    const text = active ? `Compte de ${account.displayName} réactivé.` : `Compte de ${account.displayName} désactivé : ses sessions ont été fermées.`;
    return this.act(account, () => this.api.update(account.id, { version: account.version, active }), text);
  }

  protected async resetPassword(account: UserAccount): Promise<void> {
    await this.act(
      account,
      async () => this.shownPassword.set({ email: account.email, password: (await this.api.resetPassword(account.id)).password }),
      `Nouveau mot de passe pour ${account.displayName} ; ses sessions ont été fermées.`,
    );
  }

  protected resetTwoFactor(account: UserAccount): Promise<void> {
    return this.act(account, () => this.api.resetTwoFactor(account.id), `Double authentification de ${account.displayName} désactivée.`);
  }

  protected async setTwoFactorRequired(required: boolean): Promise<void> {
    if (!this.settings.hasValue()) return;
    this.notice.set(null);
    try {
      await this.api.updateSecuritySettings({ twoFactorRequiredForStaff: required, version: this.settings.value().version });
      this.notice.set({
        kind: 'done',
        text: required
          ? 'Double authentification obligatoire pour les administrateurs et chargés de mission, à leur prochaine connexion.'
          : 'Double authentification facultative pour tous.',
      });
    } catch (error: unknown) {
      this.notice.set({ kind: 'error', text: ApiProblem.from(error).detail ?? 'Réglage non enregistré.' });
    }
    this.settings.reload();
  }

  private async act(account: UserAccount, action: () => Promise<unknown>, done: string): Promise<void> {
    this.notice.set(null);
    this.busyId.set(account.id);
    try {
      await action();
      this.notice.set({ kind: 'done', text: done });
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      const text =
        problem.code === 'version_conflict' ? 'Ce compte a été modifié entre-temps : la liste a été rechargée, recommencez.' : (problem.detail ?? problem.title);
      this.notice.set({ kind: 'error', text });
    } finally {
      this.busyId.set(null);
      this.accounts.reload();
    }
  }
}
