import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { pageLoader } from './page-loader';

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
  });
});
