import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, ElementRef, Injector, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormArray, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { Person } from '@api/common/fields.schema';
import type { DuplicateCandidate, PartnerCreate, PartnerUpdate, PartnerView } from '@api/partners/partners.schema';
import { partnerKinds, partnerStatuses } from '@api/partners/partners.schema';
import { ApiProblem } from '../core/api-problem';
import { objectivesResource } from '../plan/objectives-api';
import { Countries } from '../records/countries';
import { fieldName, formatValue } from '../records/history-text';
import { kindLabels, statusLabels } from '../records/labels';
import { firstProblemSelector, focusAfterRender } from '../records/focus';
import { applyServerErrors } from '../records/server-errors';
import { PartnersApi } from './partners-api';

type Conflict = { current: PartnerView; by: string | null; at: string | null; fields: { field: string; label: string; mine: string; theirs: string }[] };

/** The form's values for a record (or an empty form). */
export function partnerFormValue(partner: PartnerView | null) {
  return {
    name: partner?.name ?? '',
    kind: partner?.kind ?? ('' as string),
    status: partner?.status ?? 'active',
    country: partner?.country ?? '',
    city: partner?.city ?? '',
    website: partner?.website ?? '',
    description: partner?.description ?? '',
    tags: partner?.tags.join(', ') ?? '',
    ownerUserId: partner?.owner?.id ?? (null as number | null),
    objectiveIds: partner?.objectives.map((objective) => objective.id) ?? ([] as number[]),
    charterSignedOn: partner?.charterSignedOn ?? '',
    labelObtainedOn: partner?.labelObtainedOn ?? '',
    labelRenewalDueOn: partner?.labelRenewalDueOn ?? '',
    publicActivities: partner?.publicActivities ?? '',
    publicNeeds: partner?.publicNeeds ?? '',
    publicEvents: partner?.publicEvents ?? '',
    publicEmail: partner?.publicEmail ?? '',
    publicPhone: partner?.publicPhone ?? '',
    localNames: Object.entries(partner?.localNames ?? {}).map(([language, name]) => ({ language, name })),
  };
}
type FormValue = ReturnType<typeof partnerFormValue>;

/** The request body for these form values: '' becomes null, tags are split, local names become a map. */
export function partnerBody(value: FormValue): Omit<PartnerCreate, 'kind'> & { kind: string } {
  const text = (input: string) => (input.trim() === '' ? null : input.trim());
  return {
    name: value.name.trim(),
    kind: value.kind,
    status: value.status as PartnerCreate['status'],
    country: text(value.country),
    city: text(value.city),
    website: text(value.website),
    description: text(value.description),
    tags: value.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    ownerUserId: value.ownerUserId,
    objectiveIds: value.objectiveIds,
    charterSignedOn: text(value.charterSignedOn),
    labelObtainedOn: text(value.labelObtainedOn),
    labelRenewalDueOn: text(value.labelRenewalDueOn),
    publicActivities: text(value.publicActivities),
    publicNeeds: text(value.publicNeeds),
    publicEvents: text(value.publicEvents),
    publicEmail: text(value.publicEmail),
    publicPhone: text(value.publicPhone),
    localNames: Object.fromEntries(value.localNames.filter((row) => row.language.trim() && row.name.trim()).map((row) => [row.language.trim().toLowerCase(), row.name.trim()])),
  };
}

/** Only what the user changed from the version they read. */
export function changedBody(base: FormValue, value: FormValue): Record<string, unknown> {
  const before = partnerBody(base) as Record<string, unknown>;
  const after = partnerBody(value) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(after).filter(([key, item]) => JSON.stringify(item) !== JSON.stringify(before[key])));
}

@Component({
  selector: 'app-partner-form',
  imports: [DatePipe, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatSelect, ReactiveFormsModule, RouterLink],
  templateUrl: './partner-form.html',
  styleUrl: './partner-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerForm {
  private readonly api = inject(PartnersApi);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly countries = inject(Countries);
  protected readonly objectives = objectivesResource();

  /** The partner edited (route parameter); none when creating. */
  readonly id = input<string>();
  protected readonly editing = computed(() => this.id() !== undefined);

  protected readonly kinds = partnerKinds;
  protected readonly statuses = partnerStatuses;
  protected readonly kindLabels = kindLabels;
  protected readonly statusLabels = statusLabels;
  protected readonly owners = signal<Person[]>([]);

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    kind: ['', Validators.required],
    status: ['active'],
    country: [''],
    city: ['', Validators.maxLength(120)],
    website: [''],
    description: [''],
    tags: [''],
    ownerUserId: this.fb.control<number | null>(null),
    objectiveIds: this.fb.control<number[]>([]),
    charterSignedOn: [''],
    labelObtainedOn: [''],
    labelRenewalDueOn: [''],
    publicActivities: [''],
    publicNeeds: [''],
    publicEvents: [''],
    publicEmail: ['', Validators.email],
    publicPhone: [''],
    localNames: this.fb.array<ReturnType<PartnerForm['localNameRow']>>([]),
  });

  /** The record as read: its version is sent, and the changes are computed against it. */
  protected readonly base = signal<PartnerView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly formErrors = signal<string[]>([]);
  protected readonly duplicates = signal<DuplicateCandidate[]>([]);
  protected readonly conflict = signal<Conflict | null>(null);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    this.countries.load();
    void this.api.owners().then((response) => this.owners.set(response.items), () => undefined);
    effect(() => {
      const id = this.id();
      if (id !== undefined) void this.load(Number(id));
    });
  }

  protected get localNames(): FormArray {
    return this.form.controls.localNames;
  }

  private localNameRow(language = '', name = '') {
    return this.fb.group({ language: [language, Validators.pattern(/^[a-zA-Z]{2,3}$/)], name: [name] });
  }

  protected addLocalName(): void {
    this.form.controls.localNames.push(this.localNameRow());
  }

  protected removeLocalName(index: number): void {
    this.form.controls.localNames.removeAt(index);
  }

  private setForm(value: FormValue): void {
    this.form.controls.localNames.clear();
    for (const row of value.localNames) this.form.controls.localNames.push(this.localNameRow(row.language, row.name));
    this.form.patchValue(value);
  }

  private async load(id: number): Promise<void> {
    try {
      const partner = await this.api.get(id);
      this.base.set(partner);
      this.setForm(partnerFormValue(partner));
    } catch (error: unknown) {
      this.loadError.set(ApiProblem.from(error).status === 404 ? 'Ce partenaire n’existe pas ou plus.' : 'La fiche n’a pas pu être chargée.');
    }
  }

  protected async submit(confirmDuplicate = false): Promise<void> {
    if (this.pending()) return;
    this.formErrors.set([]);
    this.notice.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    const value = this.form.getRawValue() as FormValue;
    try {
      const base = this.base();
      const saved = base
        ? await this.api.update(base.id, { ...changedBody(partnerFormValue(base), value), version: base.version } as PartnerUpdate)
        : await this.api.create({ ...partnerBody(value), ...(confirmDuplicate ? { confirmDuplicate: true } : {}) } as PartnerCreate);
      await this.router.navigate(['/partenaires', saved.id]);
    } catch (error: unknown) {
      await this.handle(ApiProblem.from(error), error, value);
    } finally {
      this.pending.set(false);
    }
  }

  private async handle(problem: ApiProblem, error: unknown, value: FormValue): Promise<void> {
    const body = problemBody(error);
    if (problem.code === 'probable_duplicate') {
      this.duplicates.set((body['candidates'] as DuplicateCandidate[]) ?? []);
      focusAfterRender(this.injector, this.host, '.duplicates');
      return;
    }
    if (problem.code === 'version_conflict' && body['current']) {
      const current = body['current'] as PartnerView;
      const lastChange = body['lastChange'] as { actor: Person | null; occurredAt: string } | null;
      const mine = changedBody(partnerFormValue(this.base()!), value);
      const theirs = changedBody(partnerFormValue(this.base()!), partnerFormValue(current));
      const fields = [...new Set([...Object.keys(theirs)])].map((field) => ({
        field,
        label: fieldName(field === 'ownerUserId' ? 'owner' : field === 'objectiveIds' ? 'objectives' : field),
        theirs: formatValue(field, (partnerBody(partnerFormValue(current)) as Record<string, unknown>)[field], (code) => this.countries.name(code)),
        mine: field in mine ? formatValue(field, (partnerBody(value) as Record<string, unknown>)[field], (code) => this.countries.name(code)) : '',
      }));
      this.conflict.set({ current, by: lastChange?.actor?.displayName ?? null, at: lastChange?.occurredAt ?? null, fields });
      focusAfterRender(this.injector, this.host, '.conflict');
      return;
    }
    if (problem.status === 400) {
      this.formErrors.set(applyServerErrors(this.form, problem, { ownerUserId: 'ownerUserId' }));
      focusAfterRender(this.injector, this.host, firstProblemSelector);
      return;
    }
    this.formErrors.set([problem.detail ?? problem.title]);
  }

  /** Drops the user's changes and shows the record as it is now. */
  protected reload(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.base.set(conflict.current);
    this.setForm(partnerFormValue(conflict.current));
    this.conflict.set(null);
    this.notice.set('La fiche a été rechargée avec la version actuelle.');
  }

  /** Takes the current version as the base and puts the user's own changes back on top of it. */
  protected reapply(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    const value = this.form.getRawValue() as FormValue;
    const mineChanged = Object.keys(changedBody(partnerFormValue(this.base()!), value));
    const merged = partnerFormValue(conflict.current) as Record<string, unknown>;
    for (const field of mineChanged) merged[field] = (value as Record<string, unknown>)[field];
    this.base.set(conflict.current);
    this.setForm(merged as FormValue);
    this.conflict.set(null);
    this.notice.set('Vos modifications ont été reportées sur la version actuelle : vérifiez-les puis enregistrez.');
  }

  protected cancelLink(): unknown[] {
    const base = this.base();
    return base ? ['/partenaires', base.id] : ['/partenaires'];
  }
}

function problemBody(error: unknown): Readonly<Record<string, unknown>> {
  return ApiProblem.from(error).body;
}
