import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PortalHome, ProfileUpdateView } from '@api/portal/portal.schema';
import { Auth } from '../core/auth';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { officer, problem, settle } from '../testing/api-fixtures';
import { PortalPage } from './portal-page';
import { ReviewQueue } from './review-queue';

const home: PortalHome = {
  profile: {
    id: 40,
    name: 'Les Amis de Madagascar',
    kind: 'association',
    city: 'Sceaux',
    website: null,
    publicActivities: 'Cours de malgache',
    publicNeeds: null,
    publicEvents: null,
    publicEmail: null,
    publicPhone: null,
    logoUrl: null,
    version: 4,
  },
  pending: null,
  reviewed: [
    {
      id: 3,
      partner: { id: 40, name: 'Les Amis de Madagascar' },
      status: 'partially_accepted',
      submittedAt: new Date('2026-11-02T09:00:00Z'),
      submittedBy: null,
      changes: [
        { field: 'publicActivities', before: null, proposed: 'Cours de malgache', current: 'Cours de malgache', conflict: false, accepted: true },
        { field: 'publicNeeds', before: null, proposed: 'Une salle', current: null, conflict: false, accepted: false },
      ],
      stale: false,
      reviewMessage: 'Voyez la maison des associations.',
      reviewedAt: new Date('2026-11-03T09:00:00Z'),
      reviewedBy: { id: 7, displayName: 'Claire Martin' },
      version: 1,
    },
  ],
};

const pendingUpdate: ProfileUpdateView = {
  id: 9,
  partner: { id: 40, name: 'Les Amis de Madagascar' },
  status: 'pending',
  submittedAt: new Date('2026-11-04T09:00:00Z'),
  submittedBy: { id: 12, displayName: 'Hanta Rakoto' },
  changes: [
    { field: 'publicNeeds', before: null, proposed: 'Des livres', current: 'Des ordinateurs', conflict: true, accepted: null },
    { field: 'publicEvents', before: null, proposed: 'Fête en juin', current: null, conflict: false, accepted: null },
  ],
  stale: true,
  reviewMessage: null,
  reviewedAt: null,
  reviewedBy: null,
  version: 2,
};

describe('association portal', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideFrenchLocale(), provideRouter([]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render<T>(fixture: ComponentFixture<T>): Promise<void> {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  function fill(page: HTMLElement, control: string, value: string): void {
    const field = page.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[formControlName="${control}"]`)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  describe('PortalPage', () => {
    it('shows the profile and the reviewed proposals with the officer’s message', async () => {
      const fixture = TestBed.createComponent(PortalPage);
      fixture.detectChanges();
      http.expectOne('/api/v1/portal/profile').flush(home);
      await render(fixture);
      const page = fixture.nativeElement as HTMLElement;
      expect(page.querySelector('h1')!.textContent).toContain('Les Amis de Madagascar');
      expect(page.querySelector<HTMLTextAreaElement>('[formControlName="publicActivities"]')!.value).toBe('Cours de malgache');
      expect(page.textContent).toContain('Acceptée en partie');
      expect(page.textContent).toContain('Besoins : non retenu');
      expect(page.textContent).toContain('Voyez la maison des associations.');
    });

    it('sends the proposal with the version read and shows the server’s errors next to the fields, keeping the input', async () => {
      const fixture = TestBed.createComponent(PortalPage);
      fixture.detectChanges();
      http.expectOne('/api/v1/portal/profile').flush(home);
      await render(fixture);
      const page = fixture.nativeElement as HTMLElement;
      fill(page, 'publicNeeds', 'Une salle le samedi');
      fill(page, 'website', 'pas un site');
      page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      const request = http.expectOne('/api/v1/portal/profile-updates');
      expect(request.request.body).toEqual(jasmine.objectContaining({ version: 4, publicNeeds: 'Une salle le samedi', website: 'pas un site' }));
      expect(request.request.body.logo).toBeUndefined();
      request.flush(
        { ...problem(400, 'validation_failed', 'Données invalides'), errors: [{ path: 'website', message: 'Adresse web invalide (exemple : https://www.exemple.fr).' }] },
        { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } },
      );
      await render(fixture);
      expect(page.textContent).toContain('Adresse web invalide');
      expect(page.querySelector<HTMLTextAreaElement>('[formControlName="publicNeeds"]')!.value).toBe('Une salle le samedi');
    });
  });

  describe('ReviewQueue', () => {
    beforeEach(async () => {
      const signedIn = TestBed.inject(Auth).refresh();
      http.expectOne('/api/v1/auth/me').flush(officer);
      await signedIn;
    });

    it('shows before and after per field and leaves a field in conflict unchecked', async () => {
      const fixture = TestBed.createComponent(ReviewQueue);
      fixture.detectChanges();
      http.expectOne('/api/v1/profile-updates?status=pending').flush({ items: [pendingUpdate] });
      await render(fixture);
      const page = fixture.nativeElement as HTMLElement;
      expect(page.textContent).toContain('Des ordinateurs');
      expect(page.textContent).toContain('conflit');
      const boxes = Array.from(page.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
      expect(boxes.map((box) => box.checked)).toEqual([false, true]);

      Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.includes('Accepter la sélection'))!.click();
      const request = http.expectOne('/api/v1/profile-updates/9/review');
      expect(request.request.body).toEqual({ version: 2, decision: 'accept', fields: ['publicEvents'], applyDespiteConflict: false, message: null });
      request.flush({ ...pendingUpdate, status: 'partially_accepted', changes: pendingUpdate.changes.map((change) => ({ ...change, conflict: false, accepted: change.field === 'publicEvents' })) });
      await render(fixture);
      expect(page.textContent).toContain('Publié sur la fiche : Événements organisés.');
    });

    it('says a logo is no longer kept when its image does not load, instead of a broken image', async () => {
      const fixture = TestBed.createComponent(ReviewQueue);
      fixture.detectChanges();
      const logoChange = { field: 'logo' as const, before: '/api/v1/partners/40/logo', proposed: '/api/v1/profile-updates/9/logo', current: null, conflict: false, accepted: false };
      http.expectOne('/api/v1/profile-updates?status=pending').flush({ items: [{ ...pendingUpdate, changes: [logoChange] }] });
      await render(fixture);
      const page = fixture.nativeElement as HTMLElement;
      const proposed = page.querySelector<HTMLImageElement>('img[alt="Logo proposé"]')!;
      proposed.dispatchEvent(new Event('error'));
      await render(fixture);
      expect(page.querySelector('img[alt="Logo proposé"]')).toBeNull();
      expect(page.querySelector('.after')?.textContent).toContain('image non conservée');
    });

    it('asks for a message before rejecting', async () => {
      const fixture = TestBed.createComponent(ReviewQueue);
      fixture.detectChanges();
      http.expectOne('/api/v1/profile-updates?status=pending').flush({ items: [pendingUpdate] });
      await render(fixture);
      const page = fixture.nativeElement as HTMLElement;
      Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.includes('Refuser'))!.click();
      await render(fixture);
      expect(page.textContent).toContain('Expliquez à l’association pourquoi');
    });
  });
});
