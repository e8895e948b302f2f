import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ProjectView } from '@api/projects/projects.schema';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { settle } from '../testing/api-fixtures';
import { ProjectList } from './project-list';

const project = (id: number, title: string): ProjectView => ({
  id,
  title,
  kind: 'exchange',
  status: 'running',
  startsOn: '2026-05-12',
  endsOn: null,
  budget: null,
  description: null,
  partners: [],
  contacts: [],
  objectives: [],
  milestones: [],
  version: 1,
  createdAt: new Date('2026-04-01T10:00:00Z'),
  updatedAt: new Date('2026-04-01T10:00:00Z'),
  deletedAt: null,
});

describe('ProjectList', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'projets', component: ProjectList }]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    return harness.routeNativeElement!;
  }

  const listRequest = (): TestRequest => http.expectOne((request) => request.url === '/api/v1/projects');
  const buttons = (element: HTMLElement) => Array.from(element.querySelectorAll('nav.pager button'), (button) => button.textContent?.trim());
  const button = (element: HTMLElement, name: string) => Array.from(element.querySelectorAll<HTMLButtonElement>('nav.pager button')).find((each) => each.textContent?.trim() === name)!;

  async function render(): Promise<void> {
    await settle();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('pages forward and back through the URL with the shared pager, keeping the filters', async () => {
    const element = await open('/projets?status=running');
    listRequest().flush({ items: [project(1, 'Échange scolaire avec Brühl')], nextCursor: 'curseur-2' });
    await render();
    expect(buttons(element)).toEqual(['Page suivante']);

    button(element, 'Page suivante').click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/projets?status=running&cursor=curseur-2');
    const second = listRequest();
    expect(second.request.params.get('cursor')).toBe('curseur-2');
    expect(second.request.params.getAll('status')).toEqual(['running']);
    second.flush({ items: [project(2, 'Chorale à Leamington')], nextCursor: 'curseur-3' });
    await render();
    expect(buttons(element)).toEqual(['Première page', 'Page précédente', 'Page suivante']);

    button(element, 'Page précédente').click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/projets?status=running');
    listRequest().flush({ items: [project(1, 'Échange scolaire avec Brühl')], nextCursor: 'curseur-2' });
    await render();
    expect(element.textContent).toContain('Échange scolaire avec Brühl');
    expect(buttons(element)).toEqual(['Page suivante']);
  });

  it('goes back to the first page from a shared link to a later page', async () => {
    const element = await open('/projets?cursor=abc');
    listRequest().flush({ items: [], nextCursor: null });
    await render();
    expect(buttons(element)).toEqual(['Première page']);
    button(element, 'Première page').click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/projets');
    expect(listRequest().request.params.has('cursor')).toBeFalse();
  });
});
