import type { ApiProblem } from '../core/api-problem';

/** What the login form says when the server refuses. */
export function loginErrorMessage(problem: ApiProblem): string {
  if (problem.status === 401) return 'Adresse e-mail ou mot de passe incorrect.';
  if (problem.status === 429) {
    if (problem.retryAfterSeconds === null) return 'Trop de tentatives. Réessayez dans quelques minutes.';
    const minutes = Math.max(1, Math.ceil(problem.retryAfterSeconds / 60));
    return `Trop de tentatives. Réessayez dans ${minutes} ${minutes > 1 ? 'minutes' : 'minute'}.`;
  }
  return 'Connexion impossible pour le moment. Réessayez.';
}

/** What the second step says when the server refuses the code. */
export function secondFactorErrorMessage(problem: ApiProblem): string {
  if (problem.code === 'sign_in_restart') return 'La connexion a expiré : saisissez à nouveau votre mot de passe.';
  if (problem.status === 401) return problem.detail ?? 'Ce code est incorrect.';
  if (problem.status === 429) return loginErrorMessage(problem);
  return 'Vérification impossible pour le moment. Réessayez.';
}

/** Only a path inside the app, so a crafted link cannot send the user elsewhere after login. */
export function safeReturnUrl(retour: string | null | undefined): string {
  if (!retour || !retour.startsWith('/') || retour.startsWith('//') || retour.startsWith('/\\')) return '/';
  if (retour.startsWith('/connexion')) return '/';
  return retour;
}
