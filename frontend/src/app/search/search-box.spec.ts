import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SearchResult } from '@api/search/search.schema';
import { problemInterceptor } from '../core/problem-interceptor';
import { settle } from '../testing/api-fixtures';
import { SearchBox } from './search-box';

@Component({ template: '' })
class Blank {}

const result: SearchResult = {
  groups: [
    {
      kind: 'partner',
      total: 1,
      items: [{ id: 12, kind: 'partner', title: 'Brühl', titleHighlights: [[0, 5]], snippet: 'Ville jumelle allemande', snippetHighlights: [], url: '/partenaires/12' }],
    },
    { kind: 'contact', total: 0, items: [] },
  ],
};

describe('SearchBox', () => {
  let fixture: ComponentFixture<SearchBox>;
  let http: HttpTestingController;
  let field: HTMLInputElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SearchBox);
    await fixture.whenStable();
    field = (fixture.nativeElement as HTMLElement).querySelector('input')!;
  });

  afterEach(() => http.verify());

  async function type(text: string) {
    field.focus();
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  it('asks for results as one types (two letters or more) and lists them by kind, with the match marked', async () => {
    await type('b');
    http.expectNone((request) => request.url === '/api/v1/search');
    await type('bruhl');
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/search');
    expect(request.request.params.get('q')).toBe('bruhl');
    expect(request.request.params.get('limit')).toBe('5');
    request.flush(result);
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();

    const panel = document.querySelector('.search-panel')!;
    expect(panel.querySelector('.mat-mdc-optgroup-label')?.textContent).toContain('Partenaires (1)');
    expect(panel.querySelector('mark')?.textContent).toBe('Brühl');
    expect(panel.textContent).not.toContain('Personnes');
    expect(panel.textContent).toContain('Tous les résultats pour « bruhl »');
  });

  it('opens the record picked in the list', async () => {
    const router = TestBed.inject(Router);
    const navigate = spyOn(router, 'navigateByUrl').and.resolveTo(true);
    await type('bruhl');
    http.expectOne((candidate) => candidate.url === '/api/v1/search').flush(result);
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    (document.querySelector('.search-panel mat-option') as HTMLElement).click();
    expect(navigate).toHaveBeenCalledWith('/partenaires/12');
  });

  it('opens the full results page on Enter', async () => {
    const router = TestBed.inject(Router);
    const navigate = spyOn(router, 'navigate').and.resolveTo(true);
    await type('jumelage');
    http.expectOne((candidate) => candidate.url === '/api/v1/search').flush({ groups: [] });
    field.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(navigate).toHaveBeenCalledWith(['/recherche'], { queryParams: { q: 'jumelage' } });
  });

  it('takes the focus on "/" outside a text field and on Ctrl+K anywhere', () => {
    field.blur();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }));
    expect(document.activeElement).toBe(field);

    const other = document.createElement('textarea');
    document.body.appendChild(other);
    other.focus();
    other.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }));
    expect(document.activeElement).toBe(other);
    other.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
    expect(document.activeElement).toBe(field);
    other.remove();
  });
});
