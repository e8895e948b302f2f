import { HttpClient, httpResource } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SecuritySettings, SecuritySettingsUpdate } from '@api/settings/settings.schema';
import type {
  CreatedUserAccount,
  GeneratedPassword,
  NewUserAccount,
  Role,
  UserAccount,
  UserAccountList,
  UserAccountUpdate,
} from '@api/users/users.schema';
import { firstValueFrom, type Observable } from 'rxjs';
import { ApiProblem } from '../core/api-problem';

export const usersUrl = '/api/v1/users';
export const securitySettingsUrl = '/api/v1/settings/security';

export const roleLabels: Record<Role, string> = {
  admin: 'Administrateur',
  officer: 'Chargé de mission',
  cabinet: 'Cabinet du maire',
  association: 'Association',
};

/** Account administration, for administrators. Every call rejects with an ApiProblem. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list() {
    return httpResource<UserAccountList>(() => usersUrl);
  }

  securitySettings() {
    return httpResource<SecuritySettings>(() => securitySettingsUrl);
  }

  create(account: NewUserAccount): Promise<CreatedUserAccount> {
    return this.call(this.http.post<CreatedUserAccount>(usersUrl, account));
  }

  update(id: number, update: UserAccountUpdate): Promise<UserAccount> {
    return this.call(this.http.patch<UserAccount>(`${usersUrl}/${id}`, update));
  }

  resetPassword(id: number): Promise<GeneratedPassword> {
    return this.call(this.http.post<GeneratedPassword>(`${usersUrl}/${id}/password-reset`, null));
  }

  resetTwoFactor(id: number): Promise<void> {
    return this.call(this.http.delete<void>(`${usersUrl}/${id}/two-factor`));
  }

  updateSecuritySettings(update: SecuritySettingsUpdate): Promise<SecuritySettings> {
    return this.call(this.http.put<SecuritySettings>(securitySettingsUrl, update));
  }

  private call<T>(request: Observable<T>): Promise<T> {
    return firstValueFrom(request).catch((error: unknown) => {
      throw ApiProblem.from(error);
    });
  }
}
