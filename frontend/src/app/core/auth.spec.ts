import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { officer, problem, settle } from '../testing/api-fixtures';
import { ApiProblem } from './api-problem';
import { Auth } from './auth';
import { problemInterceptor } from './problem-interceptor';

describe('Auth', () => {
  let auth: Auth;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    auth = TestBed.inject(Auth);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('knows the signed-in user from GET /auth/me', async () => {
    const refreshed = auth.refresh();
    http.expectOne({ method: 'GET', url: '/api/v1/auth/me' }).flush(officer);

    expect(await refreshed).toEqual(officer);
    expect(auth.user()).toEqual(officer);
    expect(auth.signedIn()).toBeTrue();
    expect(auth.loaded()).toBeTrue();
  });

  it('takes a 401 from /auth/me to mean signed out', async () => {
    const refreshed = auth.refresh();
    http
      .expectOne('/api/v1/auth/me')
      .flush(problem(401, 'unauthenticated', 'Connexion requise'), { status: 401, statusText: 'Unauthorized' });

    expect(await refreshed).toBeNull();
    expect(auth.user()).toBeNull();
    expect(auth.loaded()).toBeTrue();
  });

  it('stays undecided when /auth/me fails for another reason, so the next check asks again', async () => {
    const refreshed = auth.refresh();
    http
      .expectOne('/api/v1/auth/me')
      .flush(problem(503, 'service_unavailable', 'Service momentanément indisponible'), {
        status: 503,
        statusText: 'Service Unavailable',
      });

    expect(await refreshed).toBeNull();
    expect(auth.loaded()).toBeFalse();

    const again = auth.ensureLoaded();
    http.expectOne('/api/v1/auth/me').flush(officer);
    expect(await again).toEqual(officer);
  });

  it('shares one /auth/me request between callers asking at the same time', async () => {
    const first = auth.refresh();
    const second = auth.ensureLoaded();
    http.expectOne('/api/v1/auth/me').flush(officer);

    expect(await first).toEqual(officer);
    expect(await second).toEqual(officer);
  });

  it('posts the credentials on login and keeps the user', async () => {
    const loggedIn = auth.login('claire.martin@sceaux.fr', 'secret phrase');
    const request = http.expectOne({ method: 'POST', url: '/api/v1/auth/login' });
    expect(request.request.body).toEqual({ email: 'claire.martin@sceaux.fr', password: 'secret phrase' });
    request.flush(officer);

    expect(await loggedIn).toBe('signed-in');
    expect(auth.user()).toEqual(officer);
  });

  it('stays signed out when the server asks for a second factor, then signs in with the code', async () => {
    const loggedIn = auth.login('claire.martin@sceaux.fr', 'secret phrase');
    http.expectOne('/api/v1/auth/login').flush({ twoFactorRequired: true });
    expect(await loggedIn).toBe('second-factor');
    expect(auth.user()).toBeNull();

    const verified = auth.verifySecondFactor({ code: '123456' });
    const request = http.expectOne({ method: 'POST', url: '/api/v1/auth/totp' });
    expect(request.request.body).toEqual({ code: '123456' });
    request.flush(officer);
    expect(await verified).toEqual(officer);
    expect(auth.user()).toEqual(officer);
  });

  it('says when the account must turn two-factor sign-in on first', async () => {
    const loggedIn = auth.login('claire.martin@sceaux.fr', 'secret phrase');
    http.expectOne('/api/v1/auth/login').flush({ twoFactorEnrolmentRequired: true });
    expect(await loggedIn).toBe('enrolment');
    expect(auth.user()).toBeNull();
  });

  it('rejects a refused login with an ApiProblem and stays signed out', async () => {
    const loggedIn = auth.login('claire.martin@sceaux.fr', 'wrong');
    http
      .expectOne('/api/v1/auth/login')
      .flush(problem(401, 'invalid_credentials', 'Identifiants refusés'), { status: 401, statusText: 'Unauthorized' });

    const error = await loggedIn.then(
      () => fail('login should have been refused'),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).code).toBe('invalid_credentials');
    expect(auth.user()).toBeNull();
  });

  it('fetches a fresh XSRF token and tries once more when the token belonged to an ended session', async () => {
    const loggedIn = auth.login('claire.martin@sceaux.fr', 'secret phrase');
    http
      .expectOne('/api/v1/auth/login')
      .flush(problem(403, 'csrf_failed', 'Jeton CSRF manquant ou invalide'), { status: 403, statusText: 'Forbidden' });
    await settle();
    http
      .expectOne({ method: 'GET', url: '/api/v1/auth/me' })
      .flush(problem(401, 'unauthenticated', 'Connexion requise'), { status: 401, statusText: 'Unauthorized' });
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/auth/login' }).flush(officer);

    expect(await loggedIn).toBe('signed-in');
    expect(auth.user()).toEqual(officer);
  });

  it('posts /auth/logout and forgets the user', async () => {
    const refreshed = auth.refresh();
    http.expectOne('/api/v1/auth/me').flush(officer);
    await refreshed;

    const loggedOut = auth.logout();
    http.expectOne({ method: 'POST', url: '/api/v1/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    await loggedOut;

    expect(auth.user()).toBeNull();
    expect(auth.loaded()).toBeTrue();
  });

  it('forgets the user on logout even when the server call fails', async () => {
    const loggedIn = auth.login('claire.martin@sceaux.fr', 'secret phrase');
    http.expectOne('/api/v1/auth/login').flush(officer);
    await loggedIn;

    const loggedOut = auth.logout();
    http.expectOne('/api/v1/auth/logout').error(new ProgressEvent('error'));
    await loggedOut;

    expect(auth.user()).toBeNull();
  });
});
