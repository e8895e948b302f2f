import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DATE_FORMATS, type MatDateFormats, MatOption } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatTimepicker, MatTimepickerInput, MatTimepickerToggle } from '@angular/material/timepicker';
import { RouterLink } from '@angular/router';
import type { VisitCreate, VisitView } from '@api/visits/visits.schema';
import { visitDirections } from '@api/visits/visits.schema';
import { frenchDateFormats, fromIsoDay, provideFrenchDates, toIsoDay } from '../interactions/french-dates';
import { objectivesResource } from '../plan/objectives-api';
import { editWithVersion } from '../records/edit-with-version';
import { visitDirectionLabels } from '../records/labels';
import { type NamedRef, PartnerChips } from '../records/partner-chips';
import { RecordFormFrame } from '../records/record-form-frame';
import { serverError } from '../records/server-errors';
import { VisitsApi } from './visits-api';

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
/** A picked day as the API takes it (YYYY-MM-DD); the form does not send while a required day is missing. */
const isoDay = (day: Date | null) => (day ? toIsoDay(day) : '');
/** Shown when the typed text is not a day (the datepicker then holds no value and the form does not send). */
const invalidDay = 'Date invalide (jj/mm/aaaa).';
/** Shown when the typed text is not a time of day (the timepicker then holds no value and the form does not send). */
const invalidTime = 'Heure invalide (hh:mm).';

/** Times shown and listed on 24 hours ("14:30"), whatever the browser's language; the days stay dd/MM/yyyy. */
const hourMinute = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const frenchDateTimeFormats: MatDateFormats = {
  parse: { ...frenchDateFormats.parse, timeInput: null },
  display: { ...frenchDateFormats.display, timeInput: hourMinute, timeOptionLabel: hourMinute },
};
/** A picked time as the API takes it ("HH:mm"), or null when none; and an API time back to what the timepicker holds. */
const toHourMinute = (time: Date | null) => (time ? `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}` : null);
function fromHourMinute(time: string | null): Date | null {
  const match = time ? /^(\d{1,2}):(\d{2})/.exec(time) : null;
  return match ? new Date(2000, 0, 1, Number(match[1]), Number(match[2])) : null;
}

/** Creates or edits a visit: dates, places, partners, objectives, both delegations, the programme, notes for the mayor. */
@Component({
  selector: 'app-visit-form',
  imports: [
    MatButton,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSuffix,
    MatTimepicker,
    MatTimepickerInput,
    MatTimepickerToggle,
    PartnerChips,
    ReactiveFormsModule,
    RecordFormFrame,
    RouterLink,
  ],
  providers: [provideFrenchDates(), { provide: MAT_DATE_FORMATS, useValue: frenchDateTimeFormats }],
  templateUrl: './visit-form.html',
  styleUrl: '../partners/partner-form.scss',
  // Room for jj/mm/aaaa and the calendar toggle; the time field as wide, so that its error fits on one line.
  styles: '.row .date, .row .time { flex: 0 0 11.5rem; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly id = input<string>();
  protected readonly directions = visitDirections;
  protected readonly directionLabels = visitDirectionLabels;
  protected readonly objectives = objectivesResource();
  protected readonly serverError = serverError;
  protected readonly invalidDay = invalidDay;
  protected readonly invalidTime = invalidTime;

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    direction: ['outgoing', Validators.required],
    startsOn: this.fb.control<Date | null>(null, Validators.required),
    endsOn: this.fb.control<Date | null>(null, Validators.required),
    places: [''],
    objectiveIds: this.fb.control<number[]>([]),
    notesForMayor: [''],
    delegation: this.fb.array<ReturnType<VisitForm['memberRow']>>([]),
    programme: this.fb.array<ReturnType<VisitForm['programmeRow']>>([]),
  });
  protected readonly partners = signal<NamedRef[]>([]);
  protected readonly edit = editWithVersion({
    id: this.id,
    form: this.form,
    api: inject(VisitsApi),
    fill: (visit: VisitView) => this.fill(visit),
    body: () => this.body(),
    opened: (id) => ['/visites', id],
    words: {
      notFound: 'Cette visite n’existe pas.',
      notLoaded: 'La visite n’a pas pu être chargée.',
      conflict: 'Cette visite a été modifiée entre-temps par quelqu’un d’autre. Vos saisies sont conservées : relisez-les puis enregistrez de nouveau pour les appliquer à la version actuelle.',
    },
  });

  protected memberRow(side = 'town', name = '', role = '') {
    return this.fb.group({ side: [side, Validators.required], name: [name, [Validators.required, Validators.maxLength(200)]], role: [role, Validators.maxLength(200)] });
  }

  protected programmeRow(day: Date | null = null, time: Date | null = null, place = '', what = '') {
    return this.fb.group({ day: this.fb.control<Date | null>(day, Validators.required), time: this.fb.control<Date | null>(time), place: [place, Validators.maxLength(200)], what: [what, [Validators.required, Validators.maxLength(500)]] });
  }

  private fill(visit: VisitView): void {
    this.form.patchValue({
      title: visit.title,
      direction: visit.direction,
      startsOn: fromIsoDay(visit.startsOn),
      endsOn: fromIsoDay(visit.endsOn),
      places: visit.places.join(', '),
      objectiveIds: visit.objectives.map((objective) => objective.id),
      notesForMayor: visit.notesForMayor ?? '',
    });
    this.form.controls.delegation.clear();
    for (const member of visit.delegation) this.form.controls.delegation.push(this.memberRow(member.side, member.name, member.role ?? ''));
    this.form.controls.programme.clear();
    for (const item of visit.programme) this.form.controls.programme.push(this.programmeRow(fromIsoDay(item.day), fromHourMinute(item.time), item.place ?? '', item.what));
    this.partners.set(visit.partners);
  }

  protected addMember(side: 'town' | 'partner'): void {
    this.form.controls.delegation.push(this.memberRow(side));
  }

  protected addProgrammeItem(): void {
    const day = this.form.controls.programme.controls.at(-1)?.controls.day.value ?? this.form.controls.startsOn.value;
    this.form.controls.programme.push(this.programmeRow(day ? new Date(day) : null));
  }

  protected body(): VisitCreate {
    const value = this.form.getRawValue();
    return {
      title: value.title.trim(),
      direction: value.direction as VisitCreate['direction'],
      startsOn: isoDay(value.startsOn),
      endsOn: isoDay(value.endsOn),
      places: value.places.split(/[,;\n]/).map((place) => place.trim()).filter(Boolean),
      partnerIds: this.partners().map((partner) => partner.id),
      objectiveIds: value.objectiveIds,
      notesForMayor: orNull(value.notesForMayor),
      delegation: value.delegation.map((member) => ({ side: member.side as 'town' | 'partner', name: member.name.trim(), role: orNull(member.role) })),
      programme: value.programme.map((item) => ({ day: isoDay(item.day), time: toHourMinute(item.time), place: orNull(item.place), what: item.what.trim() })),
    };
  }
}
