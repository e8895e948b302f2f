import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { ProjectView } from '@api/projects/projects.schema';
import { type FormSpec, formSpec } from '../records/form-testing';
import { actionPlan, problem } from '../testing/api-fixtures';
import { parseEuros, ProjectForm } from './project-form';

describe('parseEuros', () => {
  it('reads French and plain amounts', () => {
    expect(parseEuros('12 500,50 €')).toBe(12500.5);
    expect(parseEuros('1250.5')).toBe(1250.5);
    expect(parseEuros('  ')).toBeNull();
    expect(parseEuros('douze')).toBeNaN();
  });
});

describe('ProjectForm', () => {
  let ui: FormSpec<ProjectForm>;
  let fixture: ComponentFixture<ProjectForm>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    ui = formSpec(ProjectForm);
    ({ fixture, http, element } = ui);
  });

  afterEach(() => http.verify());

  it('creates a project with its budget in euros and its milestones', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await ui.render();
    const component = fixture.componentInstance;
    const form = component['form'];
    form.controls.title.setValue('Projeunes 2027');
    form.controls.kind.setValue('call_for_projects');
    form.controls.budget.setValue('3 000,5');
    form.controls.objectiveIds.setValue([3]);
    component['partners'].set([{ id: 12, name: 'Brühl' }]);
    ui.type('startsOn', '05/12/2026');
    component['addMilestone']();
    fixture.detectChanges();
    form.controls.milestones.at(0).patchValue({ title: 'Dépôt du dossier' });
    ui.type('dueOn', '31/01/2027');
    expect(ui.input('startsOn').value).toBe('05/12/2026');
    expect(ui.input('dueOn').value).toBe('31/01/2027');
    ui.submit();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/projects' });
    expect(request.request.body).toEqual(
      jasmine.objectContaining({
        title: 'Projeunes 2027',
        kind: 'call_for_projects',
        status: 'planned',
        startsOn: '2026-12-05',
        endsOn: null,
        budget: 3000.5,
        partnerIds: [12],
        contactIds: [],
        objectiveIds: [3],
        milestones: [{ title: 'Dépôt du dossier', dueOn: '2027-01-31', completedOn: null }],
      }),
    );
    request.flush({ id: 9 });
    await ui.render();
    expect(ui.navigate).toHaveBeenCalledWith(['/projets', 9]);
  });

  it('shows the dates it read the French way and sends them back as the API writes them, keeping the user’s changes after a version conflict', async () => {
    const project: ProjectView = {
      id: 4,
      title: 'Échange scolaire avec Brühl',
      kind: 'exchange',
      status: 'running',
      startsOn: '2026-09-01',
      endsOn: '2027-06-30',
      budget: 12500.5,
      description: null,
      partners: [{ id: 12, name: 'Brühl' }],
      contacts: [],
      objectives: [],
      milestones: [{ id: 1, title: 'Réserver le car', dueOn: '2026-11-28', completedOn: null }],
      version: 2,
      createdAt: new Date('2026-08-01T10:00:00Z'),
      updatedAt: new Date('2026-08-02T10:00:00Z'),
      deletedAt: null,
    };
    fixture.componentRef.setInput('id', '4');
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    http.expectOne('/api/v1/projects/4').flush(project);
    await ui.render();
    expect(ui.input('startsOn').value).toBe('01/09/2026');
    expect(ui.input('endsOn').value).toBe('30/06/2027');
    expect(ui.input('dueOn').value).toBe('28/11/2026');
    expect(ui.input('completedOn').value).toBe('');
    ui.type('completedOn', '27/11/2026');
    ui.type('endsOn', '');
    ui.submit();
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/projects/4' })
      .flush({ ...problem(409, 'version_conflict', 'Conflit'), current: { ...project, version: 3 } }, { status: 409, statusText: 'Conflict' });
    await ui.render();
    expect(element.querySelector('.conflict')?.textContent).toContain('modifié entre-temps');
    expect(ui.input('completedOn').value).toBe('27/11/2026');
    ui.submit();
    const retry = http.expectOne({ method: 'PATCH', url: '/api/v1/projects/4' });
    expect(retry.request.body).toEqual(
      jasmine.objectContaining({
        version: 3,
        startsOn: '2026-09-01',
        endsOn: null,
        milestones: [{ title: 'Réserver le car', dueOn: '2026-11-28', completedOn: '2026-11-27' }],
      }),
    );
    retry.flush({ ...project, version: 4 });
    await ui.render();
    expect(ui.navigate).toHaveBeenCalledWith(['/projets', 4]);
  });

  it('says in French when a typed date is not one, even on an optional field, and sends nothing', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await ui.render();
    fixture.componentInstance['form'].controls.title.setValue('Campagne');
    fixture.componentInstance['addMilestone']();
    fixture.detectChanges();
    fixture.componentInstance['form'].controls.milestones.at(0).controls.title.setValue('Lancement');
    ui.type('dueOn', '12/13/2026');
    ui.submit();
    await ui.render();
    http.expectNone('/api/v1/projects');
    expect([...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim())).toEqual(['Date invalide (jj/mm/aaaa).']);
    expect(ui.input('dueOn').value).toBe('12/13/2026');
  });

  it('refuses a budget that is not an amount before sending anything', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await ui.render();
    const form = fixture.componentInstance['form'];
    form.controls.title.setValue('Campagne');
    form.controls.budget.setValue('beaucoup');
    ui.submit();
    await ui.render();
    http.expectNone('/api/v1/projects');
    expect(element.textContent).toContain('Montant en euros, deux décimales au plus.');
  });
});
