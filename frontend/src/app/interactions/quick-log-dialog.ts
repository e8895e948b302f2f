import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { FormArray, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import type { Person } from '@api/common/fields.schema';
import type { InteractionCreate, InteractionType, InteractionView } from '@api/interactions/interactions.schema';
import { interactionTypes } from '@api/interactions/interactions.schema';
import { ContactsApi } from '../contacts/contacts-api';
import { ApiProblem } from '../core/api-problem';
import { Auth } from '../core/auth';
import { PartnersApi } from '../partners/partners-api';
import { objectivesResource } from '../plan/objectives-api';
import { focusAfterRender } from '../records/focus';
import { kindLabel } from '../records/labels';
import { applyServerErrors, serverError } from '../records/server-errors';
import { ChipPicker, type PickedItem } from './chip-picker';
import { instantOf, provideFrenchDates, toIsoDay } from './french-dates';
import { interactionTypeLabels } from './interaction-labels';
import { InteractionsApi } from './interactions-api';

export type QuickLogData = { partners?: PickedItem[]; contacts?: PickedItem[] };

function currentTime(now = new Date()) {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** The request for the dialog's values: one POST with the interaction and its follow-ups. */
export function quickLogBody(
  value: { type: string; day: Date | null; time: string; subject: string; location: string; notes: string; objectiveIds: number[]; followUps: { title: string; dueOn: Date | null; assigneeUserId: number | null }[] },
  picked: { partners: PickedItem[]; contacts: PickedItem[]; participants: PickedItem[] },
): InteractionCreate {
  const text = (input: string) => (input.trim() === '' ? null : input.trim());
  return {
    type: value.type as InteractionType,
    occurredAt: instantOf(value.day ?? new Date(), value.time || '00:00'),
    subject: value.subject.trim(),
    location: text(value.location),
    notes: text(value.notes),
    partnerIds: picked.partners.map((item) => item.id),
    contactIds: picked.contacts.map((item) => item.id),
    participantIds: picked.participants.map((item) => item.id),
    objectiveIds: value.objectiveIds,
    followUps: value.followUps.map((followUp) => ({
      title: followUp.title.trim(),
      dueOn: followUp.dueOn ? toIsoDay(followUp.dueOn) : '',
      assigneeUserId: followUp.assigneeUserId ?? 0,
    })),
  };
}

/** Logs an exchange in under a minute: who, when, what, and the follow-ups promised, saved at once. */
@Component({
  selector: 'app-quick-log-dialog',
  imports: [
    ChipPicker,
    MatButton,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSuffix,
    ReactiveFormsModule,
  ],
  providers: [provideFrenchDates()],
  templateUrl: './quick-log-dialog.html',
  styleUrl: './quick-log-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuickLogDialog {
  private readonly api = inject(InteractionsApi);
  private readonly partnersApi = inject(PartnersApi);
  private readonly contactsApi = inject(ContactsApi);
  private readonly dialogRef = inject<MatDialogRef<QuickLogDialog, InteractionView>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly data = inject<QuickLogData | null>(MAT_DIALOG_DATA, { optional: true }) ?? {};
  private readonly me = inject(Auth).user();

  protected readonly types = interactionTypes;
  protected readonly typeLabels = interactionTypeLabels;
  protected readonly objectives = objectivesResource();
  protected readonly assignees = signal<Person[]>([]);
  protected readonly serverError = serverError;

  protected readonly partners = signal<PickedItem[]>(this.data.partners ?? []);
  protected readonly contacts = signal<PickedItem[]>(this.data.contacts ?? []);
  protected readonly participants = signal<PickedItem[]>(this.me ? [{ id: this.me.id, label: this.me.displayName }] : []);
  protected readonly pickerErrors = signal<Partial<Record<string, string>>>({});
  protected readonly formErrors = signal<string[]>([]);
  protected readonly saving = signal(false);

  protected readonly form = this.fb.group({
    type: ['meeting', Validators.required],
    day: this.fb.control<Date | null>(new Date(), Validators.required),
    time: [currentTime(), [Validators.required, Validators.pattern(/^([01]?\d|2[0-3])[:h][0-5]\d$/)]],
    subject: ['', [Validators.required, Validators.maxLength(300)]],
    location: ['', Validators.maxLength(300)],
    notes: [''],
    objectiveIds: this.fb.control<number[]>([]),
    followUps: this.fb.array<ReturnType<QuickLogDialog['followUpGroup']>>([]),
  });

  constructor() {
    void this.api.assignees().then(
      (list) => this.assignees.set(list.items),
      () => this.assignees.set([]),
    );
  }

  protected get followUps(): FormArray<ReturnType<QuickLogDialog['followUpGroup']>> {
    return this.form.controls.followUps;
  }

  private followUpGroup() {
    const inAWeek = new Date();
    inAWeek.setDate(inAWeek.getDate() + 7);
    return this.fb.group({
      title: ['', [Validators.required, Validators.maxLength(300)]],
      dueOn: this.fb.control<Date | null>(inAWeek, Validators.required),
      assigneeUserId: this.fb.control<number | null>(this.me?.id ?? null, Validators.required),
    });
  }

  protected addFollowUp(): void {
    this.followUps.push(this.followUpGroup());
    focusAfterRender(this.injector, this.host, `[data-follow-up="${this.followUps.length - 1}"]`);
  }

  protected removeFollowUp(index: number): void {
    this.followUps.removeAt(index);
  }

  protected readonly findPartners = async (text: string): Promise<PickedItem[]> => {
    if (text.length < 2) return [];
    const page = await this.partnersApi.list({ q: text, limit: 10 });
    return page.items.map((partner) => ({ id: partner.id, label: partner.name, detail: [kindLabel(partner.kind), partner.city].filter(Boolean).join(', ') }));
  };

  /** Typing nothing suggests the people of the partners chosen. */
  protected readonly findContacts = async (text: string): Promise<PickedItem[]> => {
    const partnerIds = this.partners().map((partner) => String(partner.id));
    if (text.length < 2 && partnerIds.length === 0) return [];
    const page = await this.contactsApi.list(text.length >= 2 ? { q: text, limit: 10 } : { partner: partnerIds, limit: 20 });
    return page.items.map((contact) => ({
      id: contact.id,
      label: contact.fullName,
      detail: contact.affiliations.map((affiliation) => affiliation.partner.name).join(', ') || undefined,
    }));
  };

  protected readonly findParticipants = async (text: string): Promise<PickedItem[]> => {
    const folded = fold(text);
    return this.assignees()
      .filter((person) => fold(person.displayName).includes(folded))
      .slice(0, 15)
      .map((person) => ({ id: person.id, label: person.displayName }));
  };

  protected async save(): Promise<void> {
    this.formErrors.set([]);
    this.pickerErrors.set({});
    if (this.partners().length === 0 && this.contacts().length === 0) {
      this.pickerErrors.set({ partnerIds: 'Indiquez au moins un partenaire ou un contact concerné.' });
    }
    if (this.form.invalid || this.partners().length + this.contacts().length === 0) {
      this.form.markAllAsTouched();
      focusAfterRender(this.injector, this.host, '.mat-mdc-form-field-invalid input, .mat-mdc-form-field-invalid textarea, [data-picker="partners"]');
      return;
    }
    this.saving.set(true);
    try {
      const saved = await this.api.create(
        quickLogBody(this.form.getRawValue(), { partners: this.partners(), contacts: this.contacts(), participants: this.participants() }),
      );
      this.dialogRef.close(saved);
    } catch (error) {
      const problem = ApiProblem.from(error);
      const pickers: Partial<Record<string, string>> = {};
      for (const fieldError of problem.errors) {
        const root = fieldError.path.split('.')[0] ?? '';
        if (['partnerIds', 'contactIds', 'participantIds'].includes(root)) pickers[root] = fieldError.message;
      }
      this.pickerErrors.set(pickers);
      const unmatched = applyServerErrors(this.form, { ...problem, errors: problem.errors.filter((fieldError) => !(fieldError.path.split('.')[0]! in pickers)) } as ApiProblem, {
        occurredAt: 'day',
      });
      this.formErrors.set(unmatched.length || problem.errors.length ? unmatched : [problem.detail ?? problem.title]);
      focusAfterRender(this.injector, this.host, '.form-errors, .mat-mdc-form-field-invalid input');
    } finally {
      this.saving.set(false);
    }
  }
}

function fold(text: string) {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}
