import { inject } from '@angular/core';
import type { Role } from '@api/users/users.schema';
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

/** Lets through the signed-in users of these roles only; others go home (the server refuses them anyway). */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return async () => {
    // inject() works only before the first await.
    const router = inject(Router);
    const user = await inject(Auth).ensureLoaded();
    return user && roles.includes(user.role) ? true : router.createUrlTree(['/']);
  };
}

/** An association's home is its own page in the portal; everyone else's is the action plan. */
export const homeGuard: CanActivateFn = async () => {
  // inject() works only before the first await.
  const router = inject(Router);
  const user = await inject(Auth).ensureLoaded();
  return user?.role === 'association' ? router.createUrlTree(['/portail']) : true;
};
