import { registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID, type Provider } from '@angular/core';
import { MAT_DATE_LOCALE } from '@angular/material/core';

/** French dates, numbers and Material date pickers, for the app and for the tests. */
export function provideFrenchLocale(): Provider[] {
  registerLocaleData(localeFr);
  return [
    { provide: LOCALE_ID, useValue: 'fr-FR' },
    { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' },
  ];
}
