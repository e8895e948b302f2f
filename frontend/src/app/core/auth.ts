import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { LoginRequest, LoginResponse, SecondFactorRequest } from '@api/auth/auth.schema';
import type { CurrentUser } from '@api/users/users.schema';
import { ApiProblem } from './api-problem';

export const authUrls = {
  me: '/api/v1/auth/me',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  secondFactor: '/api/v1/auth/totp',
  twoFactorSetup: '/api/v1/account/two-factor/setup',
  twoFactorConfirm: '/api/v1/account/two-factor/confirm',
} as const;

/** Where a sign-in stands after the password: done, or a second step to take on the login page. */
export type SignInStep = 'signed-in' | 'second-factor' | 'enrolment';

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

  /**
   * The password step of a sign-in. Signed in at once, or a second step is due: a code from the
   * authenticator app, or turning two-factor sign-in on first. Rejects with an ApiProblem
   * (401 invalid_credentials, 429 with retryAfterSeconds...).
   */
  async login(email: string, password: string): Promise<SignInStep> {
    const body: LoginRequest = { email, password };
    let answer: LoginResponse;
    try {
      answer = await firstValueFrom(this.http.post<LoginResponse>(authUrls.login, body));
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      if (problem.code !== 'csrf_failed') throw problem;
      // The XSRF-TOKEN cookie belonged to a session that has ended (signed out, expired):
      // /auth/me hands out a fresh one, then the login goes through.
      await this.refresh();
      answer = await firstValueFrom(this.http.post<LoginResponse>(authUrls.login, body)).catch((retryError: unknown) => {
        throw ApiProblem.from(retryError);
      });
    }
    if ('twoFactorRequired' in answer) return 'second-factor';
    if ('twoFactorEnrolmentRequired' in answer) return 'enrolment';
    this.currentUser.set(answer);
    this.known.set(true);
    return 'signed-in';
  }

  /** The second step: a 6-digit code or a recovery code. Rejects with an ApiProblem (401 invalid_code, 429...). */
  async verifySecondFactor(answer: SecondFactorRequest): Promise<CurrentUser> {
    const user = await firstValueFrom(this.http.post<CurrentUser>(authUrls.secondFactor, answer)).catch((error: unknown) => {
      throw ApiProblem.from(error);
    });
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
