import type { Routes } from '@angular/router';
import { authGuard, roleGuard } from './core/auth-guard';

export const routes: Routes = [
  {
    path: 'connexion',
    title: 'Connexion',
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
  },
  {
    // Everything else needs a signed-in user and lives inside the shell.
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Accueil',
        loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'plan',
        title: 'Plan d’action',
        loadComponent: () => import('./plan/plan-page').then((m) => m.PlanPage),
      },
      {
        path: 'suivis',
        title: 'Mes suivis',
        loadComponent: () => import('./follow-ups/my-follow-ups-page').then((m) => m.MyFollowUpsPage),
      },
      {
        path: 'interactions',
        loadChildren: () => import('./interactions/interactions.routes').then((m) => m.interactionsRoutes),
      },
      {
        path: 'partenaires',
        loadChildren: () => import('./partners/partners.routes').then((m) => m.partnersRoutes),
      },
      {
        path: 'contacts',
        loadChildren: () => import('./contacts/contacts.routes').then((m) => m.contactsRoutes),
      },
      {
        path: 'donnees',
        canActivate: [roleGuard('admin')],
        loadChildren: () => import('./data/data.routes').then((m) => m.dataRoutes),
      },
      {
        path: 'recherche',
        title: 'Recherche',
        loadComponent: () => import('./search/search-page').then((m) => m.SearchPage),
      },
      {
        path: 'mon-compte',
        title: 'Mon compte',
        loadComponent: () => import('./account/account-page').then((m) => m.AccountPage),
      },
      {
        path: 'comptes',
        title: 'Comptes',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      {
        path: '**',
        title: 'Page introuvable',
        loadComponent: () => import('./core/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
