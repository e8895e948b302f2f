import type { Routes } from '@angular/router';

export const partnersRoutes: Routes = [
  { path: '', title: 'Partenaires', loadComponent: () => import('./partner-list').then((m) => m.PartnerList) },
  { path: 'nouveau', title: 'Nouveau partenaire', loadComponent: () => import('./partner-form').then((m) => m.PartnerForm) },
  { path: ':id', title: 'Partenaire', loadComponent: () => import('./partner-page').then((m) => m.PartnerPage) },
  { path: ':id/modifier', title: 'Modifier le partenaire', loadComponent: () => import('./partner-form').then((m) => m.PartnerForm) },
  { path: ':id/dossier', title: 'Dossier partenaire', data: { briefing: 'partner' }, loadComponent: () => import('../briefing/briefing-page').then((m) => m.BriefingPage) },
];
