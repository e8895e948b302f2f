import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { Auth } from './core/auth';
import { provideFrenchLocale } from './core/locale';
import { PageTitle } from './core/page-title';
import { problemInterceptor } from './core/problem-interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PageTitle },
    // Relative /api/v1 URLs only: Angular adds X-XSRF-TOKEN to same-origin mutating requests.
    provideHttpClient(
      withInterceptors([problemInterceptor]),
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    ),
    provideFrenchLocale(),
    // Ask who is signed in straight away: it also sets the XSRF-TOKEN cookie before any POST.
    // Not awaited, so the first page does not wait for it; the guard joins the same request.
    provideAppInitializer(() => {
      void inject(Auth).refresh();
    }),
  ],
};
