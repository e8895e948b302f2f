import type { Routes } from '@angular/router';

export const contactsRoutes: Routes = [
  { path: '', title: 'Contacts', loadComponent: () => import('./contact-list').then((m) => m.ContactList) },
  { path: 'nouveau', title: 'Nouveau contact', loadComponent: () => import('./contact-form').then((m) => m.ContactForm) },
  { path: ':id', title: 'Contact', loadComponent: () => import('./contact-page').then((m) => m.ContactPage) },
  { path: ':id/modifier', title: 'Modifier le contact', loadComponent: () => import('./contact-form').then((m) => m.ContactForm) },
];
