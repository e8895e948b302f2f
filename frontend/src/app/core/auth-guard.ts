import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Auth } from './auth';

export const loginPath = '/connexion';

/** Lets signed-in users through; sends the others to the login page, which brings them back. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(Auth);
  const router = inject(Router);
  const user = await auth.ensureLoaded();
  if (user) return true;
  return router.createUrlTree([loginPath], state.url === '/' ? {} : { queryParams: { retour: state.url } });
};
