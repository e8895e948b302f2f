import type { Routes } from '@angular/router';

export const dataRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'import' },
  { path: 'import', title: 'Importer des données', loadComponent: () => import('./import-page').then((m) => m.ImportPage) },
  { path: 'conservation', title: 'Revue de conservation', loadComponent: () => import('./retention-page').then((m) => m.RetentionPage) },
];
