import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ProjectView } from '@api/projects/projects.schema';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { actionPlan, problem, settle } from '../testing/api-fixtures';
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
  let fixture: ComponentFixture<ProjectForm>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ProjectForm],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
    spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    fixture = TestBed.createComponent(ProjectForm);
    element = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  async function render() {
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function dateInput(name: string, index = 0) {
    return element.querySelectorAll<HTMLInputElement>(`input[formcontrolname="${name}"]`)[index]!;
  }

  /** Types into a date field the way a user does, then leaves it. */
  function type(name: string, text: string, index = 0) {
    const input = dateInput(name, index);
    input.value = text;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  }

  it('creates a project with its budget in euros and its milestones', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await render();
    const component = fixture.componentInstance;
    const form = component['form'];
    form.controls.title.setValue('Projeunes 2027');
    form.controls.kind.setValue('call_for_projects');
    form.controls.budget.setValue('3 000,5');
    form.controls.objectiveIds.setValue([3]);
    component['partners'].set([{ id: 12, name: 'Brühl' }]);
    type('startsOn', '05/12/2026');
    component['addMilestone']();
    fixture.detectChanges();
    form.controls.milestones.at(0).patchValue({ title: 'Dépôt du dossier' });
    type('dueOn', '31/01/2027');
    expect(dateInput('startsOn').value).toBe('05/12/2026');
    expect(dateInput('dueOn').value).toBe('31/01/2027');
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
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
    await render();
    expect(TestBed.inject(Router).navigate).toHaveBeenCalledWith(['/projets', 9]);
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
    await render();
    expect(dateInput('startsOn').value).toBe('01/09/2026');
    expect(dateInput('endsOn').value).toBe('30/06/2027');
    expect(dateInput('dueOn').value).toBe('28/11/2026');
    expect(dateInput('completedOn').value).toBe('');
    type('completedOn', '27/11/2026');
    type('endsOn', '');
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/projects/4' })
      .flush({ ...problem(409, 'version_conflict', 'Conflit'), current: { ...project, version: 3 } }, { status: 409, statusText: 'Conflict' });
    await render();
    expect(element.querySelector('.conflict')?.textContent).toContain('modifié entre-temps');
    expect(dateInput('completedOn').value).toBe('27/11/2026');
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
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
    await render();
    expect(TestBed.inject(Router).navigate).toHaveBeenCalledWith(['/projets', 4]);
  });

  it('says in French when a typed date is not one, even on an optional field, and sends nothing', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await render();
    fixture.componentInstance['form'].controls.title.setValue('Campagne');
    fixture.componentInstance['addMilestone']();
    fixture.detectChanges();
    fixture.componentInstance['form'].controls.milestones.at(0).controls.title.setValue('Lancement');
    type('dueOn', '12/13/2026');
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await render();
    http.expectNone('/api/v1/projects');
    expect([...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim())).toEqual(['Date invalide (jj/mm/aaaa).']);
    expect(dateInput('dueOn').value).toBe('12/13/2026');
  });

  it('refuses a budget that is not an amount before sending anything', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await render();
    const form = fixture.componentInstance['form'];
    form.controls.title.setValue('Campagne');
    form.controls.budget.setValue('beaucoup');
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await render();
    http.expectNone('/api/v1/projects');
    expect(element.textContent).toContain('Montant en euros, deux décimales au plus.');
  });
});
