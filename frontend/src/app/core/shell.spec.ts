import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of } from 'rxjs';
import type { CurrentUser } from '@api/users/users.schema';
import { officer, settle } from '../testing/api-fixtures';
import { Auth } from './auth';
import { problemInterceptor } from './problem-interceptor';
import { Shell } from './shell';

@Component({ selector: 'app-home-stub', template: '<h1>Accueil</h1>' })
class Home {}

@Component({ selector: 'app-shell-login-stub', template: 'connexion' })
class LoginStub {}

describe('Shell', () => {
  let http: HttpTestingController;

  async function open(narrow: boolean, user: CurrentUser = officer): Promise<HTMLElement> {
    const breakpoints: Pick<BreakpointObserver, 'observe'> = {
      observe: () => of({ matches: narrow, breakpoints: {} } satisfies BreakpointState),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'connexion', component: LoginStub },
          { path: '', component: Shell, children: [{ path: '', component: Home }] },
        ]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        { provide: BreakpointObserver, useValue: breakpoints },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(Auth).refresh();
    http.expectOne('/api/v1/auth/me').flush(user);
    await signedIn;
    const harness = await RouterTestingHarness.create('/');
    await harness.fixture.whenStable();
    return harness.routeNativeElement!.ownerDocument.body;
  }

  afterEach(() => http.verify());

  it('has the landmarks, the app name and the signed-in user', async () => {
    const body = await open(false);

    expect(body.querySelector('header')?.textContent).toContain('Passerelles');
    expect(body.querySelector('header')?.textContent).toContain('Claire Martin');
    expect(body.querySelector('nav')?.getAttribute('aria-label')).toBe('Navigation principale');
    expect(body.querySelector('main h1')?.textContent).toBe('Accueil');
  });

  it('moves the focus to the main content from the skip link, without leaving the page', async () => {
    const body = await open(false);

    const skip = body.querySelector<HTMLAnchorElement>('a.skip-link')!;
    expect(skip.textContent?.trim()).toBe('Aller au contenu');
    skip.click();
    await settle();

    expect(body.ownerDocument.activeElement).toBe(body.querySelector('main'));
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('marks the current page in the navigation', async () => {
    const body = await open(false);

    const link = body.querySelector<HTMLAnchorElement>('nav a')!;
    expect(link.textContent?.trim()).toBe('Accueil');
    expect(link.getAttribute('aria-current')).toBe('page');
  });

  it('lists the partners and contacts for the town’s staff', async () => {
    const body = await open(false);

    const links = Array.from(body.querySelectorAll<HTMLAnchorElement>('nav a'), (link) => [link.textContent?.trim(), link.getAttribute('href')]);
    expect(links).toEqual([
      ['Accueil', '/'],
      ['Mes suivis', '/suivis'],
      ['Échanges', '/interactions'],
      ['Partenaires', '/partenaires'],
      ['Contacts', '/contacts'],
      ['Plan d’action', '/plan'],
    ]);
  });

  it('lists "Import", "Conservation" and "Comptes" for administrators only', async () => {
    const officerNav = Array.from((await open(false)).querySelectorAll('nav a'), (link) => link.textContent?.trim());
    expect(officerNav).not.toContain('Comptes');
    expect(officerNav).not.toContain('Import');
    expect(officerNav).not.toContain('Conservation');
    TestBed.resetTestingModule();
    const adminNav = Array.from((await open(false, { ...officer, role: 'admin' })).querySelectorAll('nav a'), (link) => link.textContent?.trim());
    expect(adminNav).toEqual(jasmine.arrayContaining(['Import', 'Conservation', 'Comptes']));
  });

  it('keeps the navigation open at the side on wide screens', async () => {
    const body = await open(false);

    expect(body.querySelector('mat-sidenav')?.classList).toContain('mat-drawer-side');
    expect(body.querySelector('mat-sidenav')?.classList).toContain('mat-drawer-opened');
    expect(body.querySelector('button[aria-label="Menu de navigation"]')).toBeNull();
  });

  it('puts the navigation behind a labelled menu button on phones', async () => {
    const body = await open(true);

    expect(body.querySelector('mat-sidenav')?.classList).toContain('mat-drawer-over');
    const toggle = body.querySelector<HTMLButtonElement>('button[aria-label="Menu de navigation"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('signs out from the user menu and goes to the login page', async () => {
    const body = await open(false);

    body.querySelector<HTMLButtonElement>('button[aria-label="Compte de Claire Martin"]')!.click();
    await settle();
    const signOut = Array.from(body.ownerDocument.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')).find(
      (item) => item.textContent?.trim() === 'Se déconnecter',
    );
    expect(signOut).withContext('the menu offers "Se déconnecter"').toBeDefined();
    signOut!.click();
    http.expectOne({ method: 'POST', url: '/api/v1/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await settle();

    expect(TestBed.inject(Auth).user()).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/connexion');
  });
});
