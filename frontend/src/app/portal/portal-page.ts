import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { PortalHome, ProfileField, ProfileUpdateRequest, ProfileUpdateView } from '@api/portal/portal.schema';
import { ApiProblem } from '../core/api-problem';
import { applyServerErrors } from '../core/server-errors';
import { fieldLabels, PortalApi, readAsBase64, updateStatusLabels } from './portal-api';

const textFields = ['website', 'publicActivities', 'publicNeeds', 'publicEvents', 'publicEmail', 'publicPhone'] as const;
type TextField = (typeof textFields)[number];
const maxLogoBytes = 512 * 1024;

/** The association's own page: its public profile, which it edits as proposals the town reviews. */
@Component({
  selector: 'app-portal-page',
  imports: [DatePipe, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatProgressBar, ReactiveFormsModule],
  templateUrl: './portal-page.html',
  styleUrl: './portal.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalPage {
  private readonly api = inject(PortalApi);
  private readonly forms = inject(NonNullableFormBuilder);

  protected readonly home = signal<PortalHome | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly conflict = signal(false);
  /** The logo chosen in this visit: a new file (base64 and preview) or its removal. */
  protected readonly logo = signal<{ base64: string; preview: string } | 'remove' | null>(null);
  protected readonly logoError = signal<string | null>(null);
  protected readonly fieldLabels = fieldLabels;
  protected readonly statusLabels = updateStatusLabels;

  protected readonly form = this.forms.group({
    website: [''],
    publicActivities: [''],
    publicNeeds: [''],
    publicEvents: [''],
    publicEmail: [''],
    publicPhone: [''],
  });

  constructor() {
    void this.load(true);
  }

  /** Loads the profile; the form starts from the pending proposal's values when there is one. */
  protected async load(fillForm: boolean): Promise<void> {
    this.loadError.set(null);
    try {
      const home = await this.api.home();
      this.home.set(home);
      if (fillForm) this.fill(home);
    } catch (error) {
      this.loadError.set(ApiProblem.from(error).detail ?? 'Votre fiche n’a pas pu être chargée.');
    }
  }

  private fill(home: PortalHome): void {
    const values: Record<TextField, string> = {} as Record<TextField, string>;
    for (const field of textFields) {
      const pending = home.pending?.changes.find((change) => change.field === field);
      values[field] = (pending ? pending.proposed : home.profile[field]) ?? '';
    }
    this.form.reset(values);
  }

  protected proposedLogo(update: ProfileUpdateView | null): string | null | undefined {
    const change = update?.changes.find((candidate) => candidate.field === 'logo');
    return change ? change.proposed : undefined;
  }

  protected change(update: ProfileUpdateView, field: ProfileField) {
    return update.changes.find((candidate) => candidate.field === field);
  }

  protected async chooseLogo(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.logoError.set(null);
    if (!file) return;
    if (file.size > maxLogoBytes) {
      this.logoError.set(`Ce fichier pèse ${Math.ceil(file.size / 1024)} Ko : 512 Ko au plus.`);
      input.value = '';
      return;
    }
    const base64 = await readAsBase64(file);
    this.logo.set({ base64, preview: `data:${file.type || 'image/png'};base64,${base64}` });
  }

  protected removeLogo(): void {
    this.logoError.set(null);
    this.logo.set('remove');
  }

  protected async submit(): Promise<void> {
    const home = this.home();
    if (!home || this.saving()) return;
    this.saving.set(true);
    this.formError.set(null);
    this.done.set(null);
    this.conflict.set(false);
    this.logoError.set(null);
    const value = this.form.getRawValue();
    const logo = this.logo();
    const body: ProfileUpdateRequest = {
      version: home.profile.version,
      ...value,
      ...(logo === 'remove' ? { logo: null } : logo ? { logo: logo.base64 } : {}),
    };
    try {
      await this.api.propose(body);
      this.logo.set(null);
      this.done.set('Merci : vos modifications sont envoyées au service des relations internationales, qui les relira avant publication.');
      await this.load(false);
    } catch (error) {
      const problem = ApiProblem.from(error);
      if (problem.status === 409) {
        this.conflict.set(true);
        this.formError.set('Le service a modifié votre fiche pendant que vous la complétiez. Vos saisies sont conservées : rechargez la fiche pour voir ses valeurs actuelles, puis envoyez à nouveau.');
      } else {
        const logoProblem = problem.errors.find((entry) => entry.path === 'logo');
        if (logoProblem) this.logoError.set(logoProblem.message);
        const rest = new ApiProblem(problem.status, problem.code, problem.title, problem.detail, problem.errors.filter((entry) => entry.path !== 'logo'));
        this.formError.set(logoProblem && rest.errors.length === 0 ? null : applyServerErrors(this.form, rest));
      }
    } finally {
      this.saving.set(false);
    }
  }

  /** After a conflict: the record's current version, keeping what was typed. */
  protected async reloadKeepingInput(): Promise<void> {
    await this.load(false);
    this.conflict.set(false);
    this.formError.set(null);
  }
}
