import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AccountSummary } from '@api/account/account.schema';
import { problemInterceptor } from '../core/problem-interceptor';
import { officer, problem, settle } from '../testing/api-fixtures';
import { AccountPage } from './account-page';

const summary = (enabled: boolean, required = false): AccountSummary => ({
  user: officer,
  twoFactor: { enabled, enabledAt: enabled ? '2026-11-02T09:00:00.000Z' : null, recoveryCodesLeft: enabled ? 8 : 0, required },
});

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  async function open(account: AccountSummary): Promise<void> {
    TestBed.configureTestingModule({
      imports: [AccountPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AccountPage);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/v1/account').flush(account);
    await render();
  }

  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  function section(title: string): HTMLElement {
    return Array.from(page.querySelectorAll('section')).find((element) => element.querySelector('h2')?.textContent?.includes(title))!;
  }

  function fill(container: HTMLElement, control: string, value: string): void {
    const input = container.querySelector<HTMLInputElement>(`input[formControlName="${control}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('shows the two-factor state and offers to turn it on', async () => {
    await open(summary(false));
    expect(section('Double authentification').textContent).toContain('Désactivée');
    expect(section('Double authentification').textContent).toContain('Activer la double authentification');
  });

  it('hides "Désactiver" when the role requires two-factor sign-in', async () => {
    await open(summary(true, true));
    const text = section('Double authentification').textContent ?? '';
    expect(text).toContain('obligatoire pour votre rôle');
    expect(text).toContain('Codes de secours restants : 8');
    expect(text).not.toContain('Désactiver');
  });

  it('sends a password change and shows the server’s message next to the field, keeping what was typed', async () => {
    await open(summary(false));
    const form = section('Mot de passe');
    fill(form, 'currentPassword', 'mauvais mot de passe');
    fill(form, 'newPassword', 'une phrase de passe neuve');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const request = http.expectOne({ method: 'PUT', url: '/api/v1/account/password' });
    expect(request.request.body).toEqual({ currentPassword: 'mauvais mot de passe', newPassword: 'une phrase de passe neuve' });
    request.flush(
      { ...problem(400, 'wrong_password', 'Mot de passe refusé'), errors: [{ path: 'currentPassword', message: 'Mot de passe actuel incorrect.' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(form.querySelector('mat-error')?.textContent).toContain('Mot de passe actuel incorrect.');
    expect(form.querySelector<HTMLInputElement>('input[formControlName="newPassword"]')!.value).toBe('une phrase de passe neuve');
  });

  it('says in French that a new password is too short before calling the server', async () => {
    await open(summary(false));
    const form = section('Mot de passe');
    fill(form, 'currentPassword', 'x');
    fill(form, 'newPassword', 'court');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await render();
    expect(form.textContent).toContain('au moins 12 caractères');
    http.expectNone('/api/v1/account/password');
  });
});
