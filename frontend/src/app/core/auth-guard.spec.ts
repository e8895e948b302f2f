import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@api/users/users.schema';
import { officer } from '../testing/api-fixtures';
import { Auth } from './auth';
import { authGuard } from './auth-guard';

@Component({ selector: 'app-protected-stub', template: 'page protégée' })
class ProtectedPage {}

@Component({ selector: 'app-login-stub', template: 'connexion' })
class LoginStub {}

describe('authGuard', () => {
  let signedInUser: CurrentUser | null;
  let ensureLoaded: jasmine.Spy<() => Promise<CurrentUser | null>>;

  beforeEach(() => {
    signedInUser = null;
    ensureLoaded = jasmine.createSpy('ensureLoaded').and.callFake(() => Promise.resolve(signedInUser));
    TestBed.configureTestingModule({
      providers: [
        { provide: Auth, useValue: { ensureLoaded } },
        provideRouter([
          { path: 'connexion', component: LoginStub },
          { path: '', canActivate: [authGuard], children: [{ path: '**', component: ProtectedPage }] },
        ]),
      ],
    });
  });

  it('sends a signed-out visitor to the login page with the address to come back to', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/partenaires/12?onglet=contacts');

    const router = TestBed.inject(Router);
    const tree = router.parseUrl(router.url);
    expect(tree.root.children['primary']?.toString()).toBe('connexion');
    expect(tree.queryParams['retour']).toBe('/partenaires/12?onglet=contacts');
    expect(harness.routeNativeElement?.textContent).toContain('connexion');
  });

  it('does not add a return address for the home page', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');

    expect(TestBed.inject(Router).url).toBe('/connexion');
  });

  it('lets a signed-in user through, once the server has said who they are', async () => {
    signedInUser = officer;
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/partenaires/12');

    expect(ensureLoaded).toHaveBeenCalled();
    expect(TestBed.inject(Router).url).toBe('/partenaires/12');
    expect(harness.routeNativeElement?.textContent).toContain('page protégée');
  });
});
