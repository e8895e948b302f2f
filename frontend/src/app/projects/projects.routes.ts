import type { Routes } from '@angular/router';

export const projectsRoutes: Routes = [
  { path: '', title: 'Projets', loadComponent: () => import('./project-list').then((m) => m.ProjectList) },
  { path: 'nouveau', title: 'Nouveau projet', loadComponent: () => import('./project-form').then((m) => m.ProjectForm) },
  { path: ':id', title: 'Projet', loadComponent: () => import('./project-page').then((m) => m.ProjectPage) },
  { path: ':id/modifier', title: 'Modifier le projet', loadComponent: () => import('./project-form').then((m) => m.ProjectForm) },
];
