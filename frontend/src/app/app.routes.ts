import type { Routes } from '@angular/router';
import { authGuard, homeGuard, roleGuard } from './core/auth-guard';

export const routes: Routes = [
  {
    path: 'connexion',
    title: 'Connexion',
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'invitation/:token',
    title: 'Invitation',
    loadComponent: () => import('./portal/invitation-page').then((m) => m.InvitationPage),
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
        canActivate: [homeGuard],
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
        path: 'visites',
        loadChildren: () => import('./visits/visits.routes').then((m) => m.visitsRoutes),
      },
      {
        path: 'projets',
        loadChildren: () => import('./projects/projects.routes').then((m) => m.projectsRoutes),
      },
      { path: 'objectifs', pathMatch: 'full', redirectTo: 'objectifs/I' },
      {
        path: 'objectifs/:axis',
        title: 'Objectifs du plan',
        loadComponent: () => import('./plan/objectives-progress-page').then((m) => m.ObjectivesProgressPage),
      },
      {
        path: 'rapport-annuel',
        title: 'Rapport annuel',
        loadComponent: () => import('./plan/annual-report-page').then((m) => m.AnnualReportPage),
      },
      {
        path: 'portail',
        title: 'Ma fiche',
        canActivate: [roleGuard('association')],
        loadComponent: () => import('./portal/portal-page').then((m) => m.PortalPage),
      },
      {
        path: 'propositions',
        title: 'Propositions des associations',
        canActivate: [roleGuard('admin', 'officer', 'cabinet')],
        loadComponent: () => import('./portal/review-queue').then((m) => m.ReviewQueue),
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
