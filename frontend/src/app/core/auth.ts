import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { LoginRequest } from '@api/auth/auth.schema';
import type { CurrentUser } from '@api/users/users.schema';
import { ApiProblem } from './api-problem';

export const authUrls = {
  me: '/api/v1/auth/me',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
} as const;

/** Who is signed in, as the server says. */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly http = inject(HttpClient);
  private readonly currentUser = signal<CurrentUser | null>(null);
  private readonly known = signal(false);
  private pendingRefresh: Promise<CurrentUser | null> | null = null;

  /** The signed-in user, or null when signed out (or not known yet). */
  readonly user = this.currentUser.asReadonly();
  /** True once the server has answered whether someone is signed in. */
  readonly loaded = this.known.asReadonly();
  readonly signedIn = computed(() => this.currentUser() !== null);

  /**
   * Asks the server who is signed in (GET /auth/me, which also hands out the XSRF-TOKEN cookie).
   * A 401 means signed out. Any other failure leaves the state unknown, so the next guard asks again;
   * it never rejects.
   */
  refresh(): Promise<CurrentUser | null> {
    this.pendingRefresh ??= firstValueFrom(this.http.get<CurrentUser>(authUrls.me))
      .then(
        (user) => {
          this.currentUser.set(user);
          this.known.set(true);
          return user;
        },
        (error: unknown) => {
          this.currentUser.set(null);
          if (ApiProblem.from(error).status === 401) this.known.set(true);
          return null;
        },
      )
      .finally(() => (this.pendingRefresh = null));
    return this.pendingRefresh;
  }

  /** The user if already known, else what the server says. */
  ensureLoaded(): Promise<CurrentUser | null> {
    return this.loaded() ? Promise.resolve(this.user()) : this.refresh();
  }

  /** Signs in; rejects with an ApiProblem (401 invalid_credentials, 429 with retryAfterSeconds...). */
  async login(email: string, password: string): Promise<CurrentUser> {
    const body: LoginRequest = { email, password };
    let user: CurrentUser;
    try {
      user = await firstValueFrom(this.http.post<CurrentUser>(authUrls.login, body));
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      if (problem.code !== 'csrf_failed') throw problem;
      // The XSRF-TOKEN cookie belonged to a session that has ended (signed out, expired):
      // /auth/me hands out a fresh one, then the login goes through.
      await this.refresh();
      user = await firstValueFrom(this.http.post<CurrentUser>(authUrls.login, body)).catch((retryError: unknown) => {
        throw ApiProblem.from(retryError);
      });
    }
    this.currentUser.set(user);
    this.known.set(true);
    return user;
  }

  /** Signs out on the server; the local state is cleared even if the server call fails. */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(authUrls.logout, null));
    } catch {
      // The session may already be gone; signed out is what the user wants either way.
    } finally {
      this.clear();
    }
  }

  /** Forgets the user locally (the server said the session is over). */
  clear(): void {
    this.currentUser.set(null);
    this.known.set(true);
  }
}
