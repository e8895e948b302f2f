import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { ApiProblem } from './api-problem';
import { Auth, authUrls } from './auth';
import { loginPath } from './auth-guard';

/** Calls whose 401 is an answer ("signed out", "wrong password"), not a lost session. */
const sessionCalls: readonly string[] = [
  authUrls.me,
  authUrls.login,
  authUrls.logout,
  authUrls.secondFactor,
  authUrls.twoFactorSetup,
  authUrls.twoFactorConfirm,
];

/**
 * Every failed call errors with a typed ApiProblem instead of an HttpErrorResponse. A 401 elsewhere
 * means the session has ended: forget the user and go to the login page, which brings them back.
 */
export const problemInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(Auth);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      const problem = ApiProblem.fromResponse(error);
      if (problem.status === 401 && !sessionCalls.includes(pathOf(request.url))) {
        auth.clear();
        const current = router.url;
        if (!current.startsWith(loginPath)) {
          void router.navigate([loginPath], current === '/' ? {} : { queryParams: { retour: current } });
        }
      }
      return throwError(() => problem);
    }),
  );
};

function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? url;
}
