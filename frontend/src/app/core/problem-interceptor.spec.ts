import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';
import { officer, problem, settle } from '../testing/api-fixtures';
import { ApiProblem, parseRetryAfter } from './api-problem';
import { Auth } from './auth';
import { problemInterceptor } from './problem-interceptor';

@Component({ selector: 'app-interceptor-stub', template: '' })
class Blank {}

describe('problemInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let auth: Auth;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'connexion', component: Blank },
          { path: '**', component: Blank },
        ]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    auth = TestBed.inject(Auth);
    router = TestBed.inject(Router);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/partenaires/3');
  });

  afterEach(() => http.verify());

  async function failure(url: string): Promise<unknown> {
    return firstValueFrom(client.get(url)).then(
      () => fail(`${url} should have failed`),
      (error: unknown) => error,
    );
  }

  async function signIn(): Promise<void> {
    const refreshed = auth.refresh();
    http.expectOne('/api/v1/auth/me').flush(officer);
    await refreshed;
  }

  it('turns a problem+json answer into an ApiProblem with its code, detail and field errors', async () => {
    const failed = failure('/api/v1/partners');
    http.expectOne('/api/v1/partners').flush(
      {
        ...problem(400, 'validation_failed', 'Données invalides', 'Certaines valeurs sont invalides.'),
        errors: [{ path: 'name', message: 'Obligatoire' }],
      },
      { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } },
    );

    const error = (await failed) as ApiProblem;
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.detail).toBe('Certaines valeurs sont invalides.');
    expect(error.errors).toEqual([{ path: 'name', message: 'Obligatoire' }]);
  });

  it('reads the Retry-After header of a 429', async () => {
    const failed = failure('/api/v1/partners');
    http.expectOne('/api/v1/partners').flush(problem(429, 'too_many_requests', 'Trop de tentatives'), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '120' },
    });

    expect(((await failed) as ApiProblem).retryAfterSeconds).toBe(120);
  });

  it('gives a network failure its own code', async () => {
    const failed = failure('/api/v1/partners');
    http.expectOne('/api/v1/partners').error(new ProgressEvent('error'));

    const error = (await failed) as ApiProblem;
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
  });

  it('keeps the status of an answer that is not a problem document (a proxy error page)', async () => {
    const failed = failure('/api/v1/partners');
    http.expectOne('/api/v1/partners').flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    const error = (await failed) as ApiProblem;
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_error');
  });

  it('on a 401 from an ordinary call, forgets the user and goes to the login page with the way back', async () => {
    await signIn();
    const failed = failure('/api/v1/partners?limit=20');
    http
      .expectOne('/api/v1/partners?limit=20')
      .flush(problem(401, 'unauthenticated', 'Connexion requise'), { status: 401, statusText: 'Unauthorized' });
    await failed;
    await settle();

    expect(auth.user()).toBeNull();
    expect(router.url).toBe('/connexion?retour=%2Fpartenaires%2F3');
  });

  it('leaves the 401 of /auth/me and /auth/login to their callers', async () => {
    const failedMe = failure('/api/v1/auth/me');
    http
      .expectOne('/api/v1/auth/me')
      .flush(problem(401, 'unauthenticated', 'Connexion requise'), { status: 401, statusText: 'Unauthorized' });
    const failedLogin = firstValueFrom(client.post('/api/v1/auth/login', { email: 'a@b.fr', password: 'x' })).catch(
      (error: unknown) => error,
    );
    http
      .expectOne('/api/v1/auth/login')
      .flush(problem(401, 'invalid_credentials', 'Identifiants refusés'), { status: 401, statusText: 'Unauthorized' });

    expect(((await failedMe) as ApiProblem).status).toBe(401);
    expect(((await failedLogin) as ApiProblem).code).toBe('invalid_credentials');
    await settle();
    expect(router.url).toBe('/partenaires/3');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(parseRetryAfter('90', now)).toBe(90);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('bientôt', now)).toBeNull();
  });
});
