import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Auth } from '../core/auth';
import { problemInterceptor } from '../core/problem-interceptor';
import { officer, problem, settle } from '../testing/api-fixtures';
import { LoginPage } from './login-page';
import { safeReturnUrl } from './login-errors';

@Component({ selector: 'app-login-target-stub', template: '' })
class Blank {}

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function type(label: 'email' | 'password', value: string): void {
    const input = page.querySelector<HTMLInputElement>(`input[formControlName="${label}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function submitButton(): HTMLButtonElement {
    return page.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  }

  /** Fills the form, submits it, and returns the login request the page sent. */
  function submit(email = 'claire.martin@sceaux.fr', password = 'secret phrase') {
    type('email', email);
    type('password', password);
    submitButton().click();
    fixture.detectChanges();
    return http.expectOne({ method: 'POST', url: '/api/v1/auth/login' });
  }

  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
  }

  function alertText(): string {
    return page.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
  }

  it('asks for the missing fields in French without calling the server', async () => {
    submitButton().click();
    await fixture.whenStable();

    const errors = Array.from(page.querySelectorAll('mat-error'), (error) => error.textContent?.trim());
    expect(errors).toEqual(['Saisissez votre adresse e-mail.', 'Saisissez votre mot de passe.']);
    http.expectNone('/api/v1/auth/login');
  });

  it('says when the e-mail address is malformed', async () => {
    type('email', 'claire.martin');
    await fixture.whenStable();

    expect(page.querySelector('mat-error')?.textContent).toContain('Cette adresse e-mail n’est pas valide');
  });

  it('disables the button while the server is answering', async () => {
    const request = submit();
    expect(request.request.body).toEqual({ email: 'claire.martin@sceaux.fr', password: 'secret phrase' });
    expect(submitButton().disabled).toBeTrue();
    expect(submitButton().textContent).toContain('Connexion en cours');

    request.flush(problem(401, 'invalid_credentials', 'Identifiants refusés'), { status: 401, statusText: 'Unauthorized' });
    await render();
    expect(submitButton().disabled).toBeFalse();
  });

  it('says that the e-mail or the password is wrong on a 401, and clears the password', async () => {
    submit().flush(problem(401, 'invalid_credentials', 'Identifiants refusés'), { status: 401, statusText: 'Unauthorized' });
    await render();

    expect(alertText()).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(page.querySelector<HTMLInputElement>('input[formControlName="password"]')!.value).toBe('');
    expect(page.querySelector<HTMLInputElement>('input[formControlName="email"]')!.value).toBe('claire.martin@sceaux.fr');
    expect(page.querySelectorAll('mat-error').length).withContext('no "field required" noise next to the alert').toBe(0);
    expect(TestBed.inject(Auth).user()).toBeNull();
  });

  it('says how many minutes to wait on a 429', async () => {
    submit().flush(problem(429, 'too_many_requests', 'Trop de tentatives'), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '290' },
    });
    await render();

    expect(alertText()).toBe('Trop de tentatives. Réessayez dans 5 minutes.');
  });

  it('asks to try again later on any other failure', async () => {
    submit().flush(problem(500, 'internal_error', 'Erreur interne'), { status: 500, statusText: 'Server Error' });
    await render();

    expect(alertText()).toBe('Connexion impossible pour le moment. Réessayez.');
  });

  it('goes back to the page the guard came from once signed in', async () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    fixture.componentRef.setInput('retour', '/partenaires/12');
    submit().flush(officer);
    await render();

    expect(TestBed.inject(Auth).user()).toEqual(officer);
    expect(navigate).toHaveBeenCalledOnceWith('/partenaires/12');
  });

  it('goes home when the return address points outside the app', async () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    fixture.componentRef.setInput('retour', '//evil.example/phish');
    submit().flush(officer);
    await render();

    expect(navigate).toHaveBeenCalledOnceWith('/');
  });
});

describe('LoginPage, second step', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function fill(selector: string, value: string): void {
    const input = page.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function passwordAccepted(answer: object): Promise<void> {
    fill('input[formControlName="email"]', 'claire.martin@sceaux.fr');
    fill('input[formControlName="password"]', 'secret phrase');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    http.expectOne('/api/v1/auth/login').flush(answer);
    await render();
  }

  it('asks for the code after the password, then signs in with it', async () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    await passwordAccepted({ twoFactorRequired: true });
    expect(page.querySelector('h1')?.textContent).toContain('Vérification en deux étapes');
    expect(TestBed.inject(Auth).user()).toBeNull();

    fill('input[formControlName="code"]', '123 456');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/auth/totp' });
    expect(request.request.body).toEqual({ code: '123456' });
    request.flush(officer);
    await render();
    expect(TestBed.inject(Auth).user()).toEqual(officer);
    expect(navigate).toHaveBeenCalledOnceWith('/');
  });

  it('says when the code is wrong and lets the user type a recovery code instead', async () => {
    await passwordAccepted({ twoFactorRequired: true });
    fill('input[formControlName="code"]', '000000');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    http
      .expectOne('/api/v1/auth/totp')
      .flush({ ...problem(401, 'invalid_code', 'Code refusé'), detail: 'Ce code est incorrect ou a expiré.' }, { status: 401, statusText: 'Unauthorized' });
    await render();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Ce code est incorrect ou a expiré.');

    const toggle = Array.from(page.querySelectorAll('button')).find((button) => button.textContent?.includes('code de secours'))!;
    toggle.click();
    await render();
    expect(page.querySelector('mat-label')?.textContent).toContain('Code de secours');
    fill('input[formControlName="code"]', 'ABCDE-FGHJK');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const request = http.expectOne('/api/v1/auth/totp');
    expect(request.request.body).toEqual({ recoveryCode: 'ABCDE-FGHJK' });
    request.flush(officer);
    await render();
  });

  it('goes back to the password when the half-done sign-in has expired', async () => {
    await passwordAccepted({ twoFactorRequired: true });
    fill('input[formControlName="code"]', '123456');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    http.expectOne('/api/v1/auth/totp').flush(problem(401, 'sign_in_restart', 'Connexion à reprendre'), { status: 401, statusText: 'Unauthorized' });
    await render();
    expect(page.querySelector('h1')?.textContent).toContain('Connexion');
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('saisissez à nouveau votre mot de passe');
    expect(page.querySelector<HTMLInputElement>('input[formControlName="email"]')!.value).toBe('claire.martin@sceaux.fr');
  });

  it('makes an account that must have it enrol first: QR code, first code, recovery codes, then in', async () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    await passwordAccepted({ twoFactorEnrolmentRequired: true });
    http
      .expectOne({ method: 'POST', url: '/api/v1/account/two-factor/setup' })
      .flush({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrCode: 'data:image/svg+xml;base64,PHN2Zy8+' });
    await render();
    expect(page.querySelector('h1')?.textContent).toContain('Activez la double authentification');
    expect(page.querySelector('img')?.getAttribute('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(page.textContent).toContain('JBSW Y3DP EHPK 3PXP');

    fill('input[formControlName="code"]', '123456');
    Array.from(page.querySelectorAll<HTMLButtonElement>('button[type="submit"]')).at(-1)!.click();
    http.expectOne('/api/v1/account/two-factor/confirm').flush({ recoveryCodes: ['AAAAA-BBBBB', 'CCCCC-DDDDD'] });
    await render();
    expect(page.querySelector('h1')?.textContent).toContain('Vos codes de secours');
    expect(page.textContent).toContain('AAAAA-BBBBB');

    Array.from(page.querySelectorAll('button')).find((button) => button.textContent?.includes('continuer'))!.click();
    http.expectOne('/api/v1/auth/me').flush(officer);
    await render();
    expect(navigate).toHaveBeenCalledOnceWith('/');
  });
});

describe('safeReturnUrl', () => {
  it('keeps paths inside the app and refuses the rest', () => {
    expect(safeReturnUrl('/partenaires?q=br%C3%BChl')).toBe('/partenaires?q=br%C3%BChl');
    expect(safeReturnUrl(undefined)).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl('/connexion?retour=%2F')).toBe('/');
  });
});
