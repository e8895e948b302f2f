import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { actionPlan, settle } from '../testing/api-fixtures';
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
    component['addMilestone']();
    form.controls.milestones.at(0).patchValue({ title: 'Dépôt du dossier', dueOn: '2027-01-31' });
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    const request = http.expectOne({ method: 'POST', url: '/api/v1/projects' });
    expect(request.request.body).toEqual(
      jasmine.objectContaining({
        title: 'Projeunes 2027',
        kind: 'call_for_projects',
        status: 'planned',
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
