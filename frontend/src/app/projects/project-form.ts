import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ProjectCreate, ProjectView } from '@api/projects/projects.schema';
import { projectKinds, projectStatuses } from '@api/projects/projects.schema';
import { fromIsoDay, provideFrenchDates, toIsoDay } from '../interactions/french-dates';
import { objectivesResource } from '../plan/objectives-api';
import { editWithVersion } from '../records/edit-with-version';
import { projectKindLabels, projectStatusLabels } from '../records/labels';
import { type NamedRef, PartnerChips } from '../records/partner-chips';
import { RecordFormFrame } from '../records/record-form-frame';
import { serverError } from '../records/server-errors';
import { ContactChips } from './contact-chips';
import { ProjectsApi } from './projects-api';

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
/** A picked day as the API takes it (YYYY-MM-DD), null when left empty; and back. */
const isoDayOrNull = (day: Date | null) => (day ? toIsoDay(day) : null);
const dayOrNull = (day: string | null) => (day ? fromIsoDay(day) : null);
/** Shown when the typed text is not a day (the datepicker then holds no value and the form does not send). */
const invalidDay = 'Date invalide (jj/mm/aaaa).';

/** "1 250,50" or "1250.5" as a number of euros; null when empty, NaN when not a number. */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  return cleaned === '' ? null : Number(cleaned);
}

/** Creates or edits a project: kind, status, dates, budget, partners, contacts, objectives and milestones. */
@Component({
  selector: 'app-project-form',
  imports: [
    ContactChips,
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
    PartnerChips,
    ReactiveFormsModule,
    RecordFormFrame,
    RouterLink,
  ],
  providers: [provideFrenchDates()],
  templateUrl: './project-form.html',
  styleUrl: '../partners/partner-form.scss',
  // Room for jj/mm/aaaa and the calendar toggle.
  styles: '.row .date { flex: 0 0 11.5rem; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly id = input<string>();
  protected readonly kinds = projectKinds;
  protected readonly statuses = projectStatuses;
  protected readonly kindLabels = projectKindLabels;
  protected readonly statusLabels = projectStatusLabels;
  protected readonly objectives = objectivesResource();
  protected readonly serverError = serverError;
  protected readonly invalidDay = invalidDay;

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    kind: ['cooperation', Validators.required],
    status: ['planned', Validators.required],
    startsOn: this.fb.control<Date | null>(null),
    endsOn: this.fb.control<Date | null>(null),
    budget: ['', Validators.pattern(/^\s*[\d\s\u00a0\u202f]*([.,]\d{1,2})?\s*€?\s*$/)],
    description: [''],
    objectiveIds: this.fb.control<number[]>([]),
    milestones: this.fb.array<ReturnType<ProjectForm['milestoneRow']>>([]),
  });
  protected readonly partners = signal<NamedRef[]>([]);
  protected readonly contacts = signal<NamedRef[]>([]);
  protected readonly edit = editWithVersion({
    id: this.id,
    form: this.form,
    api: inject(ProjectsApi),
    fill: (project: ProjectView) => this.fill(project),
    body: () => this.body(),
    opened: (id) => ['/projets', id],
    words: {
      notFound: 'Ce projet n’existe pas.',
      notLoaded: 'Le projet n’a pas pu être chargé.',
      conflict: 'Ce projet a été modifié entre-temps par quelqu’un d’autre. Vos saisies sont conservées : relisez-les puis enregistrez de nouveau pour les appliquer à la version actuelle.',
    },
  });

  protected milestoneRow(title = '', dueOn: Date | null = null, completedOn: Date | null = null) {
    return this.fb.group({ title: [title, [Validators.required, Validators.maxLength(200)]], dueOn: this.fb.control<Date | null>(dueOn), completedOn: this.fb.control<Date | null>(completedOn) });
  }

  private fill(project: ProjectView): void {
    this.form.patchValue({
      title: project.title,
      kind: project.kind,
      status: project.status,
      startsOn: dayOrNull(project.startsOn),
      endsOn: dayOrNull(project.endsOn),
      budget: project.budget === null ? '' : String(project.budget).replace('.', ','),
      description: project.description ?? '',
      objectiveIds: project.objectives.map((objective) => objective.id),
    });
    this.form.controls.milestones.clear();
    for (const milestone of project.milestones) this.form.controls.milestones.push(this.milestoneRow(milestone.title, dayOrNull(milestone.dueOn), dayOrNull(milestone.completedOn)));
    this.partners.set(project.partners);
    this.contacts.set(project.contacts);
  }

  protected addMilestone(): void {
    this.form.controls.milestones.push(this.milestoneRow());
  }

  protected body(): ProjectCreate {
    const value = this.form.getRawValue();
    return {
      title: value.title.trim(),
      kind: value.kind as ProjectCreate['kind'],
      status: value.status as ProjectCreate['status'],
      startsOn: isoDayOrNull(value.startsOn),
      endsOn: isoDayOrNull(value.endsOn),
      budget: parseEuros(value.budget),
      description: orNull(value.description),
      partnerIds: this.partners().map((partner) => partner.id),
      contactIds: this.contacts().map((contact) => contact.id),
      objectiveIds: value.objectiveIds,
      milestones: value.milestones.map((milestone) => ({ title: milestone.title.trim(), dueOn: isoDayOrNull(milestone.dueOn), completedOn: isoDayOrNull(milestone.completedOn) })),
    };
  }
}
