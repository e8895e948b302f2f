import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { settle } from '../testing/api-fixtures';

export type ListPagingCase<T> = {
  component: Type<unknown>;
  /** The list's route, without the slash: 'visites'. */
  route: string;
  /** The API the list reads: '/api/v1/visits'. */
  api: string;
  /** One filter of the list, kept while paging: ['direction', 'incoming']. */
  filter: [string, string];
  /** A record of the first page and one of the second, with the title the list shows. */
  first: { item: T; title: string };
  second: { item: T; title: string };
};

/**
 * For the specs of a record list (not part of the application): paging forward and back through the URL
 * with the shared pager (records/list-pager.ts), the filter kept, and back to the first page from a link
 * to a later one. Call inside the list's describe.
 */
export function itPagesThroughTheUrl<T>({ component, route, api, filter, first, second }: ListPagingCase<T>) {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const [key, value] = filter;

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: route, component }]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    return harness.routeNativeElement!;
  }

  const listRequest = (): TestRequest => http.expectOne((request) => request.url === api);
  const buttons = (element: HTMLElement) => Array.from(element.querySelectorAll('nav.pager button'), (button) => button.textContent?.trim());
  const button = (element: HTMLElement, name: string) => Array.from(element.querySelectorAll<HTMLButtonElement>('nav.pager button')).find((each) => each.textContent?.trim() === name)!;

  async function render(): Promise<void> {
    await settle();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('pages forward and back through the URL with the shared pager, keeping the filter', async () => {
    const element = await open(`/${route}?${key}=${value}`);
    listRequest().flush({ items: [first.item], nextCursor: 'curseur-2' });
    await render();
    expect(buttons(element)).toEqual(['Page suivante']);

    button(element, 'Page suivante').click();
    await render();
    expect(TestBed.inject(Router).url).toBe(`/${route}?${key}=${value}&cursor=curseur-2`);
    const page2 = listRequest();
    expect(page2.request.params.get('cursor')).toBe('curseur-2');
    expect(page2.request.params.getAll(key)).toEqual([value]);
    page2.flush({ items: [second.item], nextCursor: 'curseur-3' });
    await render();
    expect(element.textContent).toContain(second.title);
    expect(buttons(element)).toEqual(['Première page', 'Page précédente', 'Page suivante']);

    button(element, 'Page précédente').click();
    await render();
    expect(TestBed.inject(Router).url).toBe(`/${route}?${key}=${value}`);
    listRequest().flush({ items: [first.item], nextCursor: 'curseur-2' });
    await render();
    expect(element.textContent).toContain(first.title);
    expect(buttons(element)).toEqual(['Page suivante']);
  });

  it('goes back to the first page from a shared link to a later page', async () => {
    const element = await open(`/${route}?cursor=abc`);
    listRequest().flush({ items: [], nextCursor: null });
    await render();
    expect(buttons(element)).toEqual(['Première page']);
    button(element, 'Première page').click();
    await render();
    expect(TestBed.inject(Router).url).toBe(`/${route}`);
    expect(listRequest().request.params.has('cursor')).toBeFalse();
  });
}
