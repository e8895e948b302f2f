import type { Routes } from '@angular/router';

export const interactionsRoutes: Routes = [
  { path: '', title: 'Échanges', loadComponent: () => import('./interaction-list').then((m) => m.InteractionList) },
  { path: ':id', title: 'Échange', loadComponent: () => import('./interaction-page').then((m) => m.InteractionPage) },
];
