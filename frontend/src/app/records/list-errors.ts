import type { ApiProblem } from '../core/api-problem';

/** Why a list could not be shown, in the user's words. */
export function listErrorMessage(problem: ApiProblem): string {
  if (problem.code === 'validation_failed') return 'Ce lien contient un filtre ou une page qui n’est plus valable.';
  if (problem.status === 403) return 'Votre rôle ne donne pas accès à cette liste.';
  return 'La liste n’a pas pu être chargée.';
}
