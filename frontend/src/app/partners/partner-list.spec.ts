import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PartnerPage } from '@api/partners/partners.schema';
import { Auth } from '../core/auth';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { actionPlan, bruhl, countries, officer, owners, problem, settle } from '../testing/api-fixtures';
import { PartnerList } from './partner-list';

const page1: PartnerPage = {
  items: [{ ...bruhl, lastInteractionAt: new Date('2026-11-02T10:00:00Z') }],
  nextCursor: 'curseur-2',
};

describe('PartnerList', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'partenaires', component: PartnerList }]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideFrenchLocale(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(Auth).refresh();
    http.expectOne('/api/v1/auth/me').flush(officer);
    await signedIn;
    harness = await RouterTestingHarness.create(url);
    http.expectOne('/api/v1/countries').flush(countries);
    http.expectOne('/api/v1/users/owners').flush(owners);
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    return harness.routeNativeElement!;
  }

  function listRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/v1/partners');
  }

  async function render(): Promise<void> {
    await settle();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('asks the API for what the URL says, and shows the rows and the active filters', async () => {
    const element = await open('/partenaires?kind=twin_town&kind=network&country=DE&q=br&sort=-created');
    const request = listRequest();
    expect(request.request.params.getAll('kind')).toEqual(['twin_town', 'network']);
    expect(request.request.params.get('country')).toBe('DE');
    expect(request.request.params.get('q')).toBe('br');
    expect(request.request.params.get('sort')).toBe('-created');
    request.flush(page1);
    await render();

    const row = element.querySelector('tr.mat-mdc-row')!.textContent!.replace(/\s+/g, ' ');
    expect(row).toContain('Brühl');
    expect(row).toContain('Ville jumelle');
    expect(row).toContain('Allemagne');
    expect(row).toContain('Claire Martin');
    expect(row).toContain('2 nov. 2026');
    const chips = Array.from(element.querySelectorAll('mat-chip'), (chip) => chip.textContent!.replace(/\s+/g, ' ').trim());
    expect(chips).toEqual(['Texte : br', 'Type : Ville jumelle', 'Type : Réseau', 'Pays : Allemagne']);
    expect(element.querySelector('a[href="/partenaires/12"]')).not.toBeNull();
  });

  it('goes to the next page through the URL, with the cursor the API gave', async () => {
    const element = await open('/partenaires?status=active');
    listRequest().flush(page1);
    await render();

    const next = Array.from(element.querySelectorAll('button')).find((button) => button.textContent?.includes('Page suivante'))!;
    next.click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/partenaires?status=active&cursor=curseur-2');
    const request = listRequest();
    expect(request.request.params.get('cursor')).toBe('curseur-2');
    expect(request.request.params.get('status')).toBe('active');
    request.flush({ items: [], nextCursor: null });
    await render();
    expect(element.textContent).toContain('Aucun partenaire ne correspond à ces filtres.');
    expect(Array.from(element.querySelectorAll('button'), (button) => button.textContent?.trim())).toContain('Page précédente');
  });

  it('removing a filter chip drops it from the URL and starts again at the first page', async () => {
    const element = await open('/partenaires?tag=Europe&tag=jumelage&cursor=abc');
    listRequest().flush(page1);
    await render();

    element.querySelector<HTMLButtonElement>('button[aria-label="Retirer le filtre Mot-clé : Europe"]')!.click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/partenaires?tag=jumelage');
    listRequest().flush(page1);
    await render();
  });

  it('sorts from the column headers, through the URL', async () => {
    const element = await open('/partenaires');
    expect(listRequest().request.params.get('sort')).toBeNull();
    await render();
    const header = Array.from(element.querySelectorAll<HTMLElement>('th')).find((th) => th.textContent?.includes('Dernier échange'))!;
    header.querySelector<HTMLElement>('.mat-sort-header-container')!.click();
    await render();
    expect(TestBed.inject(Router).url).toBe('/partenaires?sort=-lastInteraction');
    listRequest().flush(page1);
    await render();
  });

  it('says when a shared link holds a page that no longer exists', async () => {
    const element = await open('/partenaires?cursor=perime');
    listRequest().flush(problem(400, 'validation_failed', 'Données invalides'), { status: 400, statusText: 'Bad Request' });
    await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Ce lien contient un filtre ou une page qui n’est plus valable.');
  });
});
