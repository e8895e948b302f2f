import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, ElementRef, Injector, ChangeDetectorRef, Component, computed, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { Person } from '@api/common/fields.schema';
import type { ContactCreate, ContactDuplicateCandidate, ContactUpdate, ContactView, LegalBasis } from '@api/contacts/contacts.schema';
import { legalBases } from '@api/contacts/contacts.schema';
import type { PartnerListItem } from '@api/partners/partners.schema';
import { ApiProblem } from '../core/api-problem';
import { PartnerPicker } from '../partners/partner-picker';
import { PartnersApi } from '../partners/partners-api';
import { Countries } from '../records/countries';
import { fieldName, formatValue } from '../records/history-text';
import { languageLabel, legalBasisLabels } from '../records/labels';
import { firstProblemSelector, focusAfterRender } from '../records/focus';
import { applyServerErrors } from '../records/server-errors';
import { ContactsApi } from './contacts-api';

/** The languages offered first; any ISO 639-1 code already on a record is offered too. */
export const commonLanguages = ['fr', 'de', 'en', 'es', 'it', 'pt', 'nl', 'pl', 'uk', 'ru', 'sv', 'nb', 'da', 'fi', 'hu', 'cs', 'ro', 'sr', 'el', 'ar', 'zh', 'ja'];

type AffiliationRow = { partnerId: number | null; partnerName: string; role: string; startedOn: string; endedOn: string };

export function contactFormValue(contact: ContactView | null) {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    jobTitle: contact?.jobTitle ?? '',
    country: contact?.country ?? '',
    emails: contact?.emails.join(', ') ?? '',
    phones: contact?.phones.join(', ') ?? '',
    languages: contact?.languages ?? ([] as string[]),
    notes: contact?.notes ?? '',
    legalBasis: (contact?.legalBasis ?? 'legitimate_interest') as string,
    consentOn: contact?.consentOn ?? '',
    consentSource: contact?.consentSource ?? '',
    affiliations: (contact?.affiliations ?? []).map<AffiliationRow>((affiliation) => ({
      partnerId: affiliation.partner.id,
      partnerName: affiliation.partner.name,
      role: affiliation.role ?? '',
      startedOn: affiliation.startedOn ?? '',
      endedOn: affiliation.endedOn ?? '',
    })),
  };
}
type FormValue = ReturnType<typeof contactFormValue>;

const list = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function contactBody(value: FormValue) {
  return {
    firstName: orNull(value.firstName),
    lastName: value.lastName.trim(),
    jobTitle: orNull(value.jobTitle),
    country: orNull(value.country),
    emails: list(value.emails),
    phones: list(value.phones),
    languages: value.languages,
    notes: orNull(value.notes),
    legalBasis: value.legalBasis as LegalBasis,
    consentOn: value.legalBasis === 'consent' ? orNull(value.consentOn) : null,
    consentSource: value.legalBasis === 'consent' ? orNull(value.consentSource) : null,
    affiliations: value.affiliations
      .filter((row) => row.partnerId !== null)
      .map((row) => ({ partnerId: row.partnerId!, role: orNull(row.role), startedOn: orNull(row.startedOn), endedOn: orNull(row.endedOn) })),
  };
}

function changedBody(base: FormValue, value: FormValue): Record<string, unknown> {
  const before = contactBody(base) as Record<string, unknown>;
  const after = contactBody(value) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(after).filter(([key, item]) => JSON.stringify(item) !== JSON.stringify(before[key])));
}

type Conflict = { current: ContactView; by: string | null; at: string | null; fields: { field: string; label: string; theirs: string; mine: string }[] };

@Component({
  selector: 'app-contact-form',
  imports: [DatePipe, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatSelect, PartnerPicker, ReactiveFormsModule, RouterLink],
  templateUrl: './contact-form.html',
  styleUrl: '../partners/partner-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactForm {
  private readonly api = inject(ContactsApi);
  private readonly partnersApi = inject(PartnersApi);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly changeDetector = inject(ChangeDetectorRef);
  protected readonly countries = inject(Countries);

  readonly id = input<string>();
  /** ?partenaire=ID: a new contact already affiliated to that partner. */
  readonly partenaire = input<string>();
  protected readonly editing = computed(() => this.id() !== undefined);

  protected readonly legalBases = legalBases;
  protected readonly legalBasisLabels = legalBasisLabels;
  protected readonly languageLabel = languageLabel;
  protected readonly languages = computed(() => [...new Set([...commonLanguages, ...(this.base()?.languages ?? [])])]);

  protected readonly form = this.fb.group({
    firstName: ['', Validators.maxLength(100)],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    jobTitle: ['', Validators.maxLength(200)],
    country: [''],
    emails: [''],
    phones: [''],
    languages: this.fb.control<string[]>([]),
    notes: [''],
    legalBasis: ['legitimate_interest', Validators.required],
    consentOn: [''],
    consentSource: [''],
    affiliations: this.fb.array<ReturnType<ContactForm['affiliationRow']>>([]),
  });

  protected readonly base = signal<ContactView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly formErrors = signal<string[]>([]);
  protected readonly duplicates = signal<ContactDuplicateCandidate[]>([]);
  protected readonly conflict = signal<Conflict | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly legalBasis = signal('legitimate_interest');

  constructor() {
    this.countries.load();
    this.form.controls.legalBasis.valueChanges.subscribe((value) => this.legalBasis.set(value));
    effect(() => {
      const id = this.id();
      if (id !== undefined) void this.load(Number(id));
    });
    effect(() => {
      const partnerId = this.partenaire();
      if (partnerId && this.id() === undefined) void this.prefill(Number(partnerId));
    });
  }

  private affiliationRow(row: AffiliationRow = { partnerId: null, partnerName: '', role: '', startedOn: '', endedOn: '' }) {
    return this.fb.group({
      partnerId: this.fb.control<number | null>(row.partnerId),
      partnerName: [row.partnerName],
      role: [row.role, Validators.maxLength(200)],
      startedOn: [row.startedOn],
      endedOn: [row.endedOn],
    });
  }

  protected get affiliations() {
    return this.form.controls.affiliations;
  }

  protected addAffiliation(): void {
    this.affiliations.push(this.affiliationRow());
  }

  protected removeAffiliation(index: number): void {
    this.affiliations.removeAt(index);
  }

  protected pickPartner(index: number, partner: PartnerListItem | null): void {
    this.affiliations.at(index).patchValue({ partnerId: partner?.id ?? null, partnerName: partner?.name ?? '' });
  }

  private setForm(value: FormValue): void {
    this.affiliations.clear();
    for (const row of value.affiliations) this.affiliations.push(this.affiliationRow(row));
    this.form.patchValue(value);
    this.legalBasis.set(value.legalBasis);
  }

  private async prefill(partnerId: number): Promise<void> {
    try {
      const partner = await this.partnersApi.get(partnerId);
      if (this.affiliations.length === 0) this.affiliations.push(this.affiliationRow({ partnerId: partner.id, partnerName: partner.name, role: '', startedOn: '', endedOn: '' }));
      // The form is not a signal: tell the (zoneless) view that the rows changed.
      this.changeDetector.markForCheck();
    } catch {
      // The form works without the prefilled affiliation.
    }
  }

  private async load(id: number): Promise<void> {
    try {
      const contact = await this.api.get(id);
      this.base.set(contact);
      this.setForm(contactFormValue(contact));
    } catch (error: unknown) {
      this.loadError.set(ApiProblem.from(error).status === 404 ? 'Ce contact n’existe pas ou plus.' : 'La fiche n’a pas pu être chargée.');
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
        ? await this.api.update(base.id, { ...changedBody(contactFormValue(base), value), version: base.version } as ContactUpdate)
        : await this.api.create({ ...contactBody(value), ...(confirmDuplicate ? { confirmDuplicate: true } : {}) } as ContactCreate);
      const back = this.partenaire();
      await this.router.navigate(back && !base ? ['/partenaires', back] : ['/contacts', saved.id]);
    } catch (error: unknown) {
      this.handle(ApiProblem.from(error), value);
    } finally {
      this.pending.set(false);
    }
  }

  private handle(problem: ApiProblem, value: FormValue): void {
    if (problem.code === 'probable_duplicate') {
      this.duplicates.set((problem.body['candidates'] as ContactDuplicateCandidate[]) ?? []);
      focusAfterRender(this.injector, this.host, '.duplicates');
      return;
    }
    if (problem.code === 'version_conflict' && problem.body['current']) {
      const current = problem.body['current'] as ContactView;
      const lastChange = problem.body['lastChange'] as { actor: Person | null; occurredAt: string } | null;
      const base = contactFormValue(this.base()!);
      const mine = changedBody(base, value);
      const theirs = changedBody(base, contactFormValue(current));
      const country = (code: string) => this.countries.name(code);
      const currentBody = contactBody(contactFormValue(current)) as Record<string, unknown>;
      const valueBody = contactBody(value) as Record<string, unknown>;
      const fields = Object.keys(theirs).map((field) => ({
        field,
        label: fieldName(field),
        theirs: field === 'affiliations' ? current.affiliations.map((item) => item.partner.name + (item.role ? ` (${item.role})` : '')).join(', ') || '—' : formatValue(field, currentBody[field], country),
        mine: field in mine ? (field === 'affiliations' ? value.affiliations.map((row) => row.partnerName).join(', ') : formatValue(field, valueBody[field], country)) : '',
      }));
      this.conflict.set({ current, by: lastChange?.actor?.displayName ?? null, at: lastChange?.occurredAt ?? null, fields });
      focusAfterRender(this.injector, this.host, '.conflict');
      return;
    }
    if (problem.status === 400) {
      this.formErrors.set(applyServerErrors(this.form, problem));
      focusAfterRender(this.injector, this.host, firstProblemSelector);
      return;
    }
    this.formErrors.set([problem.detail ?? problem.title]);
  }

  protected reload(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.base.set(conflict.current);
    this.setForm(contactFormValue(conflict.current));
    this.conflict.set(null);
    this.notice.set('La fiche a été rechargée avec la version actuelle.');
  }

  protected reapply(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    const value = this.form.getRawValue() as FormValue;
    const mineChanged = Object.keys(changedBody(contactFormValue(this.base()!), value));
    const merged = contactFormValue(conflict.current) as Record<string, unknown>;
    for (const field of mineChanged) {
      merged[field] = (value as Record<string, unknown>)[field];
      if (field === 'consentOn' || field === 'consentSource') merged['legalBasis'] = value.legalBasis;
    }
    this.base.set(conflict.current);
    this.setForm(merged as FormValue);
    this.conflict.set(null);
    this.notice.set('Vos modifications ont été reportées sur la version actuelle : vérifiez-les puis enregistrez.');
  }

  protected cancelLink(): unknown[] {
    const base = this.base();
    const partner = this.partenaire();
    return base ? ['/contacts', base.id] : partner ? ['/partenaires', partner] : ['/contacts'];
  }
}
