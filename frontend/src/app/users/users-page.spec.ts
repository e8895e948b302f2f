import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UserAccount } from '@api/users/users.schema';
import { problemInterceptor } from '../core/problem-interceptor';
import { problem, settle } from '../testing/api-fixtures';
import { UsersPage } from './users-page';

const claire: UserAccount = {
  id: 7,
  email: 'claire.martin@sceaux.fr',
  displayName: 'Claire Martin',
  role: 'officer',
  partnerId: null,
  active: true,
  twoFactorEnabled: true,
  lastLoginAt: null,
  createdAt: '2026-11-02T09:00:00.000Z',
  version: 3,
};

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UsersPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPage);
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/v1/users').flush({ items: [claire] });
    http.expectOne('/api/v1/settings/security').flush({ twoFactorRequiredForStaff: false, version: 1 });
    await render();
  });

  afterEach(() => http.verify());

  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  function button(text: string): HTMLButtonElement {
    return Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find((element) => element.textContent?.includes(text))!;
  }

  it('lists the accounts with their state', () => {
    const row = page.querySelector('tbody tr')!;
    expect(row.querySelector('th')?.textContent).toContain('Claire Martin');
    expect(row.textContent).toContain('Actif');
    expect(row.textContent).toContain('2FA');
    expect(row.textContent).toContain('Jamais');
  });

  it('deactivates an account with the version it read', async () => {
    button('Désactiver').click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/users/7' });
    expect(request.request.body).toEqual({ version: 3, active: false });
    request.flush({ ...claire, active: false, version: 4 });
    await settle();
    http.expectOne('/api/v1/users').flush({ items: [{ ...claire, active: false, version: 4 }] });
    await render();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('désactivé');
  });

  it('shows a new account’s password once', async () => {
    const fill = (control: string, value: string) => {
      const input = page.querySelector<HTMLInputElement>(`input[formControlName="${control}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('displayName', 'Marc Petit');
    fill('email', 'marc.petit@sceaux.fr');
    button('Créer le compte').click();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/users' });
    expect(request.request.body).toEqual({ email: 'marc.petit@sceaux.fr', displayName: 'Marc Petit', role: 'officer' });
    request.flush({ user: { ...claire, id: 8, email: 'marc.petit@sceaux.fr', displayName: 'Marc Petit' }, password: 'Zk3-generated-password' });
    await settle();
    http.expectOne('/api/v1/users').flush({ items: [claire] });
    await render();
    expect(page.querySelector('.password')?.textContent).toBe('Zk3-generated-password');
  });

  it('shows an e-mail already taken next to the field', async () => {
    const input = page.querySelector<HTMLInputElement>('input[formControlName="email"]')!;
    input.value = 'claire.martin@sceaux.fr';
    input.dispatchEvent(new Event('input'));
    const name = page.querySelector<HTMLInputElement>('input[formControlName="displayName"]')!;
    name.value = 'Claire';
    name.dispatchEvent(new Event('input'));
    button('Créer le compte').click();
    http
      .expectOne('/api/v1/users')
      .flush({ ...problem(409, 'email_taken', 'Conflit'), detail: 'Un compte existe déjà avec cette adresse e-mail.' }, { status: 409, statusText: 'Conflict' });
    await settle();
    await render();
    expect(page.querySelector('mat-error')?.textContent).toContain('Un compte existe déjà');
  });
});
