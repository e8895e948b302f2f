import { HttpClient, httpResource } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AccountSummary,
  EmailChange,
  PasswordChange,
  RecoveryCodes,
  TwoFactorSetup,
} from '@api/account/account.schema';
import type { CurrentUser } from '@api/users/users.schema';
import { firstValueFrom, type Observable } from 'rxjs';
import { ApiProblem } from '../core/api-problem';

export const accountUrls = {
  account: '/api/v1/account',
  password: '/api/v1/account/password',
  email: '/api/v1/account/email',
  setup: '/api/v1/account/two-factor/setup',
  confirm: '/api/v1/account/two-factor/confirm',
  disable: '/api/v1/account/two-factor/disable',
  recoveryCodes: '/api/v1/account/two-factor/recovery-codes',
} as const;

/** The signed-in user's account ("Mon compte"). Every call rejects with an ApiProblem. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  summary() {
    return httpResource<AccountSummary>(() => accountUrls.account);
  }

  changePassword(change: PasswordChange): Promise<void> {
    return this.call(this.http.put<void>(accountUrls.password, change));
  }

  changeEmail(change: EmailChange): Promise<CurrentUser> {
    return this.call(this.http.put<CurrentUser>(accountUrls.email, change));
  }

  startTwoFactor(): Promise<TwoFactorSetup> {
    return this.call(this.http.post<TwoFactorSetup>(accountUrls.setup, null));
  }

  confirmTwoFactor(code: string): Promise<RecoveryCodes> {
    return this.call(this.http.post<RecoveryCodes>(accountUrls.confirm, { code }));
  }

  disableTwoFactor(currentPassword: string): Promise<void> {
    return this.call(this.http.post<void>(accountUrls.disable, { currentPassword }));
  }

  newRecoveryCodes(currentPassword: string): Promise<RecoveryCodes> {
    return this.call(this.http.post<RecoveryCodes>(accountUrls.recoveryCodes, { currentPassword }));
  }

  private call<T>(request: Observable<T>): Promise<T> {
    return firstValueFrom(request).catch((error: unknown) => {
      throw ApiProblem.from(error);
    });
  }
}
