import type { FormGroup } from '@angular/forms';
import type { ApiProblem } from './api-problem';

/**
 * Puts the server's per-field messages on the form's controls (error key `server`), so that each shows
 * next to its field; answers what matched no field, for an alert above the form. Nothing typed is lost.
 */
export function applyServerErrors(form: FormGroup, problem: ApiProblem): string | null {
  const unmatched: string[] = [];
  for (const error of problem.errors) {
    const control = form.get(error.path);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unmatched.push(error.message);
    }
  }
  if (unmatched.length) return unmatched.join(' ');
  return problem.errors.length ? null : (problem.detail ?? problem.title);
}
