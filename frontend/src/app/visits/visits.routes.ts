import type { Routes } from '@angular/router';

export const visitsRoutes: Routes = [
  { path: '', title: 'Visites', loadComponent: () => import('./visit-list').then((m) => m.VisitList) },
  { path: 'nouvelle', title: 'Nouvelle visite', loadComponent: () => import('./visit-form').then((m) => m.VisitForm) },
  { path: ':id', title: 'Visite', loadComponent: () => import('./visit-page').then((m) => m.VisitPage) },
  { path: ':id/modifier', title: 'Modifier la visite', loadComponent: () => import('./visit-form').then((m) => m.VisitForm) },
  { path: ':id/dossier', title: 'Dossier de visite', data: { briefing: 'visit' }, loadComponent: () => import('../briefing/briefing-page').then((m) => m.BriefingPage) },
];
