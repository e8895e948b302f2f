import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SearchResult } from '@api/search/search.schema';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { actionPlan, countries, problem, settle } from '../testing/api-fixtures';
import { SearchPage } from './search-page';

const result: SearchResult = {
  groups: [
    {
      kind: 'partner',
      total: 1234,
      items: [{ id: 3, kind: 'partner', title: 'Universität Hamburg', titleHighlights: [[0, 11]], snippet: 'Membre de EUGLOH', snippetHighlights: [], url: '/partenaires/3' }],
    },
    { kind: 'contact', total: 0, items: [] },
  ],
};

describe('SearchPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'recherche', component: SearchPage }]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideFrenchLocale(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    http.expectOne('/api/v1/countries').flush(countries);
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    return harness.routeNativeElement!;
  }

  async function render() {
    await settle();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('searches what the URL says and shows counts per kind in French format', async () => {
    const element = await open('/recherche?q=universit&pays=DE&typePartenaire=university');
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/search');
    expect(request.request.params.get('q')).toBe('universit');
    expect(request.request.params.get('country')).toBe('DE');
    expect(request.request.params.get('partnerKind')).toBe('university');
    expect(request.request.params.get('limit')).toBe('10');
    request.flush(result);
    await render();

    expect(element.querySelector('h2')?.textContent).toContain('Partenaires (1\u202f234)');
    expect(element.querySelector('.hit-title mark')?.textContent).toBe('Universität');
    expect(element.querySelector('[role=status]')?.textContent).toContain('1\u202f234 résultats pour « universit »');
    const chips = [...element.querySelectorAll('mat-chip-option')].map((chip) => chip.textContent?.trim());
    expect(chips).toContain('Personnes (0)');
  });

  it('filters by objective of the plan, chosen among the plan\'s objectives', async () => {
    const element = await open('/recherche?q=jumelage&objectif=2');
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/search');
    expect(request.request.params.get('objective')).toBe('2');
    request.flush(result);
    await render();
    const labels = [...element.querySelectorAll('mat-form-field mat-label')].map((label) => label.textContent?.trim());
    expect(labels).toContain('Objectif du plan');
  });

  it('shows one kind with a longer list when it is chosen', async () => {
    const element = await open('/recherche?q=universit');
    http.expectOne((candidate) => candidate.url === '/api/v1/search').flush(result);
    await render();
    const router = TestBed.inject(Router);
    const navigate = spyOn(router, 'navigate').and.resolveTo(true);
    (element.querySelector('.group button') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { types: 'partner' }, queryParamsHandling: 'merge' });
  });

  it('explains a refused query', async () => {
    const element = await open('/recherche?q=x');
    http
      .expectOne((candidate) => candidate.url === '/api/v1/search')
      .flush({ ...problem(400, 'validation_failed', 'Données invalides'), errors: [{ path: 'query.q', message: 'tapez au moins un caractère' }] }, { status: 400, statusText: 'Bad Request' });
    await render();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('tapez au moins un caractère');
  });
});
