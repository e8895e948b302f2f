import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { actionPlan, problem } from '../testing/api-fixtures';
import { PlanPage } from './plan-page';

describe('PlanPage', () => {
  let fixture: ComponentFixture<PlanPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [PlanPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideFrenchLocale(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PlanPage);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function text(selector: string): string[] {
    return Array.from(page.querySelectorAll(selector), (element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('says it is loading until the objectives arrive', () => {
    http.expectOne('/api/v1/objectives');
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Chargement du plan d’action');
  });

  it('shows the approval date in French', async () => {
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await fixture.whenStable();

    expect(page.querySelector('.intro')?.textContent).toContain('27 septembre 2023');
    expect(page.querySelector('time')?.getAttribute('datetime')).toBe('2023-09-27');
  });

  it('lists both axes with their objectives, codes and texts', async () => {
    http.expectOne({ method: 'GET', url: '/api/v1/objectives' }).flush(actionPlan);
    await fixture.whenStable();

    expect(text('h1')).toEqual(['Plan d’action international']);
    expect(text('h2')).toEqual([
      'Axe I Favoriser les coopérations et l’implication des citoyens en lien avec l’Europe',
      'Axe II Rassembler autour de valeurs communes',
    ]);
    const axes = page.querySelectorAll('section.axis');
    expect(axes[0]?.querySelectorAll('mat-expansion-panel').length).toBe(2);
    expect(axes[1]?.querySelectorAll('mat-expansion-panel').length).toBe(1);
    expect(text('mat-panel-title')).toContain('II.1 Affirmer la solidarité internationale de la Ville');
    expect(text('mat-panel-title')[0]).toBe(
      'I.1 Renforcer la présence de la Ville dans les réseaux de collectivités territoriales engagées',
    );

    const first = axes[0]!.querySelector('mat-expansion-panel')!;
    expect(Array.from(first.querySelectorAll('p'), (p) => p.textContent)).toEqual([
      'La Ville poursuivra son implication en matière européenne.',
      'Elle continuera à prendre part aux travaux de l’AFCCRE :',
    ]);
    expect(Array.from(first.querySelectorAll('li'), (li) => li.textContent)).toEqual([
      'un travail de plaidoyer en faveur du projet européen.',
      'le conseil et l’accompagnement des collectivités territoriales.',
    ]);
  });

  it('says so in French when the plan cannot be loaded, and tries again on request', async () => {
    http
      .expectOne('/api/v1/objectives')
      .flush(problem(500, 'internal_error', 'Erreur interne'), { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();

    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Le plan d’action n’a pas pu être chargé.');
    expect(page.querySelector('h2')).toBeNull();

    page.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await fixture.whenStable();

    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(text('h2').length).toBe(2);
  });
});
