import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { VisitView } from '@api/visits/visits.schema';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { settle } from '../testing/api-fixtures';
import { VisitList } from './visit-list';

const visit = (id: number, title: string): VisitView => ({
  id,
  title,
  direction: 'outgoing',
  startsOn: '2026-05-12',
  endsOn: '2026-05-14',
  places: [],
  partners: [],
  objectives: [],
  delegation: [],
  programme: [],
  notesForMayor: null,
  version: 1,
  createdAt: new Date('2026-04-01T10:00:00Z'),
  updatedAt: new Date('2026-04-01T10:00:00Z'),
  deletedAt: null,
});

describe('VisitList', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'visites', component: VisitList }]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    return harness.routeNativeElement!;
  }

  const listRequest = (): TestRequest => http.expectOne((request) => request.url === '/api/v1/visits');
  const buttons = (element: HTMLElement) => Array.from(element.querySelectorAll('nav.pager button'), (button) => button.textContent?.trim());
  const button = (element: HTMLElement, name: string) => Array.from(element.querySelectorAll<HTMLButtonElement>('nav.pager button')).find((each) => each.textContent?.trim() === name)!;

  async function render(): Promise<void> {
    await settle();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('pages forward and back through the URL with the shared pager, keeping the filter', async () => {
    const element = await open('/visites?direction=incoming');
    listRequest().flush({ items: [visit(1, 'Accueil de Brühl')], nextCursor: 'curseur-2' });
    await render();
    expect(buttons(element)).toEqual(['Page suivante']);

    button(element, 'Page suivante').click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/visites?direction=incoming&cursor=curseur-2');
    const second = listRequest();
    expect(second.request.params.get('cursor')).toBe('curseur-2');
    expect(second.request.params.getAll('direction')).toEqual(['incoming']);
    second.flush({ items: [visit(2, 'Déplacement à Leamington')], nextCursor: 'curseur-3' });
    await render();
    expect(buttons(element)).toEqual(['Première page', 'Page précédente', 'Page suivante']);

    button(element, 'Page précédente').click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/visites?direction=incoming');
    listRequest().flush({ items: [visit(1, 'Accueil de Brühl')], nextCursor: 'curseur-2' });
    await render();
    expect(element.textContent).toContain('Accueil de Brühl');
    expect(buttons(element)).toEqual(['Page suivante']);
  });

  it('goes back to the first page from a shared link to a later page', async () => {
    const element = await open('/visites?cursor=abc');
    listRequest().flush({ items: [], nextCursor: null });
    await render();
    expect(buttons(element)).toEqual(['Première page']);
    button(element, 'Première page').click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/visites');
    expect(listRequest().request.params.has('cursor')).toBeFalse();
  });
});
