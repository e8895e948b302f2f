import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiProblem } from '../core/api-problem';

/**
 * Puts the server's per-field errors on the form's controls (shown by <mat-error> as `server`), and
 * returns those that match no control, to be shown above the form. Nothing the user typed is lost.
 */
export function applyServerErrors(form: FormGroup, problem: ApiProblem, aliases: Record<string, string> = {}): string[] {
  const unmatched: string[] = [];
  for (const error of problem.errors) {
    const path = aliases[error.path] ?? error.path;
    const control = controlAt(form, path) ?? controlAt(form, path.split('.')[0] ?? '');
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unmatched.push(error.message);
    }
  }
  return unmatched;
}

function controlAt(form: FormGroup, path: string): AbstractControl | null {
  return path ? form.get(path.split('.')) : null;
}

/** The message of a control's server error, if any. */
export function serverError(control: AbstractControl): string | null {
  const error = control.errors?.['server'] as string | undefined;
  return error ?? null;
}
