import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type ParamMap, provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { settle } from '../testing/api-fixtures';
import { listInUrl, pageLoader, sortInUrl } from './page-loader';

@Component({ template: '' })
class Host {
  readonly filters = signal({ q: 'bruhl' });
  readonly calls: { q: string }[] = [];
  answer: () => Promise<{ items: string[]; nextCursor: string | null }> = async () => ({ items: ['Brühl'], nextCursor: 'c2' });
  readonly page = pageLoader(this.filters, (filters: { q: string }) => {
    this.calls.push(filters);
    return this.answer();
  });
}

async function settled(host: Host) {
  TestBed.tick();
  await new Promise((resolve) => setTimeout(resolve));
  expect(host.page.loading()).toBeFalse();
}

describe('pageLoader', () => {
  it('loads the page for the filters, and again when they change', async () => {
    const host = TestBed.createComponent(Host).componentInstance;
    expect(host.page.loading()).toBeTrue();
    await settled(host);
    expect(host.page.items()).toEqual(['Brühl']);
    expect(host.page.nextCursor()).toBe('c2');

    host.answer = async () => ({ items: [], nextCursor: null });
    host.filters.set({ q: 'leamington' });
    await settled(host);
    expect(host.calls).toEqual([{ q: 'bruhl' }, { q: 'leamington' }]);
    expect(host.page.items()).toEqual([]);
    expect(host.page.nextCursor()).toBeNull();
  });

  it('says in French why the list could not be read, and shows no stale items', async () => {
    const host = TestBed.createComponent(Host).componentInstance;
    await settled(host);
    host.answer = () => Promise.reject(new HttpErrorResponse({ status: 403, error: { status: 403, code: 'forbidden', title: 'Interdit' } }));
    host.filters.set({ q: 'x' });
    await settled(host);
    expect(host.page.error()).toBe('Votre rôle ne donne pas accès à cette liste.');
    expect(host.page.items()).toEqual([]);
    expect(host.page.nextCursor()).toBeNull();
  });
});

type Filters = { q?: string; kind?: string[]; sort?: string; cursor?: string };

@Component({ selector: 'app-list-host', template: '' })
class ListHost {
  readonly asked: Filters[] = [];
  readonly list = listInUrl(
    (params: ParamMap): Filters => ({
      ...(params.get('q') ? { q: params.get('q')! } : {}),
      ...(params.getAll('kind').length ? { kind: params.getAll('kind') } : {}),
      ...(params.get('sort') ? { sort: params.get('sort')! } : {}),
      ...(params.get('cursor') ? { cursor: params.get('cursor')! } : {}),
    }),
    async (filters: Filters) => {
      this.asked.push(filters);
      return { items: [`page ${filters.cursor ?? 1}`], nextCursor: `${Number(filters.cursor ?? 1) + 1}` };
    },
  );
  readonly sorting = sortInUrl(this.list, 'name');
}

describe('listInUrl', () => {
  let harness: RouterTestingHarness;
  let host: ListHost;

  async function open(url: string) {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'liste', component: ListHost }])] });
    harness = await RouterTestingHarness.create();
    host = await harness.navigateByUrl(url, ListHost);
    await settled();
  }

  async function settled() {
    await settle();
    await harness.fixture.whenStable();
    await settle();
  }

  const url = () => TestBed.inject(Router).url;

  it('asks for what the URL says, and a change of filter goes to the URL and back to the first page', async () => {
    await open('/liste?q=br&kind=twin_town&kind=network&cursor=3');
    expect(host.asked).toEqual([{ q: 'br', kind: ['twin_town', 'network'], cursor: '3' }]);
    expect(host.list.items()).toEqual(['page 3']);

    host.list.navigate({ kind: ['network'] });
    await settled();
    expect(url()).toBe('/liste?q=br&kind=network');
    expect(host.asked.at(-1)).toEqual({ q: 'br', kind: ['network'] });
  });

  it('pages forward with the cursors, back through the ones it went by, and to the first page', async () => {
    await open('/liste?q=br');
    expect(host.list.hasPrevious()).toBeFalse();
    host.list.nextPage();
    await settled();
    host.list.nextPage();
    await settled();
    expect(url()).toBe('/liste?q=br&cursor=3');
    expect(host.list.hasPrevious()).toBeTrue();
    expect(host.list.canGoBack()).toBeTrue();

    host.list.previousPage();
    await settled();
    expect(url()).toBe('/liste?q=br&cursor=2');
    host.list.previousPage();
    await settled();
    expect(url()).toBe('/liste?q=br');
    expect(host.list.canGoBack()).toBeFalse();

    host.list.nextPage();
    await settled();
    host.list.firstPage();
    await settled();
    expect(url()).toBe('/liste?q=br');
    expect(host.list.canGoBack()).toBeFalse();
  });

  it('reads and writes the sort, leaving the default order out of the URL', async () => {
    await open('/liste?sort=-created&cursor=2');
    expect(host.sorting.sort()).toEqual({ active: 'created', direction: 'desc' });

    host.sorting.change({ active: 'name', direction: 'asc' });
    await settled();
    expect(url()).toBe('/liste');
    expect(host.sorting.sort()).toEqual({ active: 'name', direction: 'asc' });

    host.sorting.change({ active: 'name', direction: 'desc' });
    await settled();
    expect(url()).toBe('/liste?sort=-name');
  });
});
