import { afterNextRender, type Injector } from '@angular/core';

/**
 * Once the view shows what just went wrong, moves the focus there (and so scrolls to it): the
 * conflict or duplicate panel, or the first field in error. Without it the message could appear
 * out of sight, above the button that was pressed.
 */
export function focusAfterRender(injector: Injector, host: HTMLElement, selector: string): void {
  afterNextRender(
    () => {
      const target = host.querySelector<HTMLElement>(selector);
      target?.focus();
    },
    { injector },
  );
}

/** What a form shows first when something is to correct: its message, or else the first field in error. */
export const firstProblemSelector =
  '[role="alert"], .mat-form-field-invalid input, .mat-form-field-invalid textarea, .mat-form-field-invalid mat-select';
