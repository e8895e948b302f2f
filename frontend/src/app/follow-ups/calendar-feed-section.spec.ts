import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { settle } from '../testing/api-fixtures';
import { CalendarFeedSection } from './calendar-feed-section';

describe('CalendarFeedSection', () => {
  let http: HttpTestingController;

  afterEach(() => http.verify());

  it('makes the secret address, shows it once, and revokes it', async () => {
    TestBed.configureTestingModule({
      imports: [CalendarFeedSection],
      providers: [provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CalendarFeedSection);
    const section = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/v1/account/calendar-feed').flush({ active: false, createdAt: null, lastUsedAt: null });
    await settle();
    fixture.detectChanges();
    const button = (label: string) => Array.from(section.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === label)!;
    button('Créer l’adresse de mon agenda').click();
    await settle();
    const url = 'http://localhost:3000/api/v1/calendar/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ.ics';
    http.expectOne({ method: 'POST', url: '/api/v1/account/calendar-feed' }).flush({ url, createdAt: new Date(2026, 10, 28) });
    await settle();
    http.expectOne('/api/v1/account/calendar-feed').flush({ active: true, createdAt: new Date(2026, 10, 28), lastUsedAt: null });
    await settle();
    fixture.detectChanges();
    expect(section.querySelector<HTMLInputElement>('input')?.value).toBe(url);
    expect(section.textContent).toContain('Agenda activé le 28/11/2026');

    button('Révoquer l’adresse').click();
    await settle();
    http.expectOne({ method: 'DELETE', url: '/api/v1/account/calendar-feed' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne('/api/v1/account/calendar-feed').flush({ active: false, createdAt: null, lastUsedAt: null });
    await settle();
    fixture.detectChanges();
    expect(section.querySelector('input')).toBeNull();
    expect(button('Créer l’adresse de mon agenda')).toBeTruthy();
  });
});
