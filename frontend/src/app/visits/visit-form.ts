import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { VisitCreate, VisitView } from '@api/visits/visits.schema';
import { visitDirections } from '@api/visits/visits.schema';
import { ApiProblem } from '../core/api-problem';
import { objectivesResource } from '../plan/objectives-api';
import { visitDirectionLabels } from '../records/labels';
import { type NamedRef, PartnerChips } from '../records/partner-chips';
import { applyServerErrors, serverError } from '../records/server-errors';
import { VisitsApi } from './visits-api';

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Creates or edits a visit: dates, places, partners, objectives, both delegations, the programme, notes for the mayor. */
@Component({
  selector: 'app-visit-form',
  imports: [MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatSelect, PartnerChips, ReactiveFormsModule, RouterLink],
  templateUrl: './visit-form.html',
  styleUrl: '../partners/partner-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitForm {
  private readonly api = inject(VisitsApi);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly id = input<string>();
  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly directions = visitDirections;
  protected readonly directionLabels = visitDirectionLabels;
  protected readonly objectives = objectivesResource();
  protected readonly serverError = serverError;

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    direction: ['outgoing', Validators.required],
    startsOn: ['', Validators.required],
    endsOn: ['', Validators.required],
    places: [''],
    objectiveIds: this.fb.control<number[]>([]),
    notesForMayor: [''],
    delegation: this.fb.array<ReturnType<VisitForm['memberRow']>>([]),
    programme: this.fb.array<ReturnType<VisitForm['programmeRow']>>([]),
  });
  protected readonly partners = signal<NamedRef[]>([]);
  protected readonly base = signal<VisitView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly formErrors = signal<string[]>([]);
  protected readonly conflict = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      if (id !== undefined) void this.load(Number(id));
    });
  }

  protected memberRow(side = 'town', name = '', role = '') {
    return this.fb.group({ side: [side, Validators.required], name: [name, [Validators.required, Validators.maxLength(200)]], role: [role, Validators.maxLength(200)] });
  }

  protected programmeRow(day = '', time = '', place = '', what = '') {
    return this.fb.group({ day: [day, Validators.required], time: [time], place: [place, Validators.maxLength(200)], what: [what, [Validators.required, Validators.maxLength(500)]] });
  }

  private async load(id: number): Promise<void> {
    try {
      this.fill(await this.api.get(id));
    } catch (error: unknown) {
      this.loadError.set(ApiProblem.from(error).status === 404 ? 'Cette visite n’existe pas.' : 'La visite n’a pas pu être chargée.');
    }
  }

  private fill(visit: VisitView): void {
    this.base.set(visit);
    this.form.patchValue({
      title: visit.title,
      direction: visit.direction,
      startsOn: visit.startsOn,
      endsOn: visit.endsOn,
      places: visit.places.join(', '),
      objectiveIds: visit.objectives.map((objective) => objective.id),
      notesForMayor: visit.notesForMayor ?? '',
    });
    this.form.controls.delegation.clear();
    for (const member of visit.delegation) this.form.controls.delegation.push(this.memberRow(member.side, member.name, member.role ?? ''));
    this.form.controls.programme.clear();
    for (const item of visit.programme) this.form.controls.programme.push(this.programmeRow(item.day, item.time ?? '', item.place ?? '', item.what));
    this.partners.set(visit.partners);
  }

  protected addMember(side: 'town' | 'partner'): void {
    this.form.controls.delegation.push(this.memberRow(side));
  }

  protected addProgrammeItem(): void {
    const last = this.form.controls.programme.controls.at(-1)?.controls.day.value;
    this.form.controls.programme.push(this.programmeRow(last || this.form.controls.startsOn.value));
  }

  protected body(): VisitCreate {
    const value = this.form.getRawValue();
    return {
      title: value.title.trim(),
      direction: value.direction as VisitCreate['direction'],
      startsOn: value.startsOn,
      endsOn: value.endsOn,
      places: value.places.split(/[,;\n]/).map((place) => place.trim()).filter(Boolean),
      partnerIds: this.partners().map((partner) => partner.id),
      objectiveIds: value.objectiveIds,
      notesForMayor: orNull(value.notesForMayor),
      delegation: value.delegation.map((member) => ({ side: member.side as 'town' | 'partner', name: member.name.trim(), role: orNull(member.role) })),
      programme: value.programme.map((item) => ({ day: item.day, time: orNull(item.time), place: orNull(item.place), what: item.what.trim() })),
    };
  }

  protected async save(): Promise<void> {
    this.formErrors.set([]);
    this.conflict.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formErrors.set(['Certains champs sont à compléter ou à corriger.']);
      return;
    }
    this.pending.set(true);
    try {
      const base = this.base();
      const saved = base ? await this.api.update(base.id, { ...this.body(), version: base.version }) : await this.api.create(this.body());
      await this.router.navigate(['/visites', saved.id]);
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      if (problem.code === 'version_conflict' && problem.body['current']) {
        // Keep what the user typed; saving again applies it on top of the current version.
        this.base.set(problem.body['current'] as VisitView);
        this.conflict.set('Cette visite a été modifiée entre-temps par quelqu’un d’autre. Vos saisies sont conservées : relisez-les puis enregistrez de nouveau pour les appliquer à la version actuelle.');
      } else {
        const unmatched = applyServerErrors(this.form, problem);
        this.formErrors.set(unmatched.length || problem.errors.length ? unmatched : [problem.detail ?? problem.title]);
      }
    } finally {
      this.pending.set(false);
    }
  }
}
