import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BriefingPack } from '@api/briefing/briefing.schema';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { countries, problem, settle } from '../testing/api-fixtures';
import { BriefingPage } from './briefing-page';

const pack: BriefingPack = {
  generatedAt: new Date('2026-11-28T09:00:00Z'),
  visit: null,
  objectives: [{ id: 3, code: 'I.3', title: 'Contribuer à conforter l’amitié franco-allemande' }],
  partners: [
    {
      id: 12,
      name: 'Brühl',
      localNames: {},
      kind: 'twin_town',
      status: 'active',
      country: 'DE',
      city: 'Brühl',
      website: null,
      description: null,
      charterSignedOn: '1974-06-22',
      twinningYears: 52,
      labelObtainedOn: null,
      labelRenewalDueOn: null,
      relationships: [],
      keyPeople: [{ id: 4, name: 'Anna Schmidt', role: 'Adjointe aux jumelages', jobTitle: null, languages: ['de'], emails: ['anna@bruehl.de'], phones: [] }],
      interactionCount: 14,
      firstContact: { id: 1, occurredAt: new Date('1973-03-01T10:00:00Z'), type: 'letter', subject: 'Première lettre', location: null, contacts: [] },
      lastInteractions: [{ id: 14, occurredAt: new Date('2026-10-20T14:00:00Z'), type: 'meeting', subject: 'Comité de jumelage', location: null, contacts: ['Anna Schmidt'] }],
      openFollowUps: [{ id: 8, title: 'Envoyer la liste des élèves', dueOn: '2026-11-02', overdue: true, assignee: 'Claire Martin' }],
      runningProjects: [],
      objectives: [{ id: 3, code: 'I.3', title: 'Contribuer à conforter l’amitié franco-allemande' }],
      pastVisits: [],
    },
  ],
};

describe('BriefingPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [BriefingPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows a partner’s pack: key dates, people, history, open follow-ups, and links its PDF', async () => {
    const fixture = TestBed.createComponent(BriefingPage);
    fixture.componentRef.setInput('id', '12');
    fixture.componentRef.setInput('briefing', 'partner');
    fixture.detectChanges();
    http.expectOne('/api/v1/countries').flush(countries);
    http.expectOne('/api/v1/partners/12/briefing').flush(pack);
    await settle();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const text = element.textContent!.replace(/\s+/g, ' ');
    expect(element.querySelector('h1')!.textContent).toContain('Dossier : Brühl');
    expect(text).toContain('Charte signée le 22 juin 1974 (52 ans de jumelage)');
    expect(text).toContain('Anna Schmidt, Adjointe aux jumelages');
    expect(text).toContain('Premier contact : 1 mars 1973 — courrier : Première lettre');
    expect(text).toContain('14 échanges enregistrés, dont les dix derniers');
    expect(text).toContain('Réunion : Comité de jumelage — avec Anna Schmidt');
    expect(element.querySelector('li.overdue')!.textContent).toContain('Envoyer la liste des élèves — pour le 2 novembre 2026 (en retard)');
    expect(element.querySelector<HTMLAnchorElement>('a[download]')!.getAttribute('href')).toBe('/api/v1/partners/12/briefing/pdf');
  });

  it('says so when the record is gone', async () => {
    const fixture = TestBed.createComponent(BriefingPage);
    fixture.componentRef.setInput('id', '99');
    fixture.detectChanges();
    http.expectOne('/api/v1/countries').flush(countries);
    http.expectOne('/api/v1/visits/99/briefing').flush(problem(404, 'not_found', 'Introuvable'), { status: 404, statusText: 'Not Found' });
    await settle();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')!.textContent).toContain('la fiche n’existe pas ou plus');
  });
});
