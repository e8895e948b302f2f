import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PortalAccount } from '@api/portal/portal.schema';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { problem, settle } from '../testing/api-fixtures';
import { InvitationPage } from './invitation-page';
import { PortalAccess } from './portal-access';

const token = 'cVrahg_Foc2drchMzmaPM9RG-UxueYtIz2-x6zFg12k';

describe('invitations', () => {
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
    fixture.detectChanges();
  }

  function type(page: HTMLElement, control: string, value: string): void {
    const input = page.querySelector<HTMLInputElement>(`input[formControlName="${control}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  describe('InvitationPage', () => {
    async function open(): Promise<ComponentFixture<InvitationPage>> {
      const fixture = TestBed.createComponent(InvitationPage);
      fixture.componentRef.setInput('token', token);
      fixture.detectChanges();
      await settle();
      return fixture;
    }

    it('says plainly that a used or expired link no longer works', async () => {
      const fixture = await open();
      http
        .expectOne(`/api/v1/invitations/${token}`)
        .flush(problem(404, 'not_found', 'Introuvable', 'Ce lien d’invitation a expiré ou a déjà servi : demandez-en un nouveau.'), {
          status: 404,
          statusText: 'Not Found',
          headers: { 'Content-Type': 'application/problem+json' },
        });
      await render(fixture);
      expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')!.textContent).toContain('a expiré ou a déjà servi');
    });

    it('sets the password and shows the password policy’s message next to the field', async () => {
      const fixture = await open();
      http.expectOne(`/api/v1/invitations/${token}`).flush({ email: 'hanta@asso.example', displayName: 'Hanta', partnerName: 'Les Amis de Madagascar', expiresAt: new Date('2026-12-05T10:00:00Z') });
      await render(fixture);
      const page = fixture.nativeElement as HTMLElement;
      expect(page.textContent).toContain('Les Amis de Madagascar');
      expect(page.textContent).toContain('5 décembre 2026');
      type(page, 'password', 'azertyuiop123');
      page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      const refused = http.expectOne(`/api/v1/invitations/${token}/accept`);
      expect(refused.request.body).toEqual({ password: 'azertyuiop123' });
      refused.flush(
        { ...problem(400, 'validation_failed', 'Données invalides'), errors: [{ path: 'password', message: 'Ce mot de passe est trop courant.' }] },
        { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } },
      );
      await render(fixture);
      expect(page.textContent).toContain('Ce mot de passe est trop courant.');

      type(page, 'password', 'une phrase de passe solide');
      page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      http.expectOne(`/api/v1/invitations/${token}/accept`).flush({ email: 'hanta@asso.example' });
      await render(fixture);
      expect(page.querySelector('[role="status"]')!.textContent).toContain('Votre mot de passe est enregistré');
    });
  });

  describe('PortalAccess', () => {
    const invited: PortalAccount = {
      id: 5,
      email: 'hanta@asso.example',
      displayName: 'Hanta Rakoto',
      status: 'invited',
      invitedAt: new Date('2026-11-28T10:00:00Z'),
      invitationExpiresAt: new Date('2026-12-05T10:00:00Z'),
      lastLoginAt: null,
    };

    async function open(canWrite: boolean): Promise<HTMLElement> {
      const fixture = TestBed.createComponent(PortalAccess);
      fixture.componentRef.setInput('partnerId', 40);
      fixture.componentRef.setInput('canWrite', canWrite);
      fixture.detectChanges();
      http.expectOne('/api/v1/partners/40/portal-accounts').flush({ items: [invited] });
      await render(fixture);
      return fixture.nativeElement as HTMLElement;
    }

    it('lists the accounts with their state, read-only for the mayor’s office', async () => {
      const page = await open(false);
      expect(page.textContent).toContain('Hanta Rakoto');
      expect(page.textContent).toContain('Invitation envoyée');
      expect(page.textContent).toContain('5 décembre 2026');
      expect(page.querySelector('form')).toBeNull();
      expect(page.textContent).not.toContain('Retirer l’accès');
    });

    it('invites and shows the server’s refusal next to the field', async () => {
      const page = await open(true);
      type(page, 'displayName', 'Aram');
      type(page, 'email', 'officier@sceaux.fr');
      page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      const request = http.expectOne('/api/v1/partners/40/portal-accounts');
      expect(request.request.body).toEqual({ displayName: 'Aram', email: 'officier@sceaux.fr' });
      request.flush(
        { ...problem(400, 'validation_failed', 'Données invalides'), errors: [{ path: 'email', message: 'Seule une association peut recevoir un accès au portail.' }] },
        { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } },
      );
      await settle();
      await settle();
      const fixtureText = page.textContent ?? '';
      expect(fixtureText).toContain('Seule une association peut recevoir un accès au portail.');
      expect(page.querySelector<HTMLInputElement>('input[formControlName="displayName"]')!.value).toBe('Aram');
    });
  });
});
