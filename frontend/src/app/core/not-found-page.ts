import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/** What an unknown address shows: say so plainly and offer the way home. */
@Component({
  selector: 'app-not-found-page',
  imports: [MatAnchor, RouterLink],
  template: `
    <section class="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title" class="page-title">Page introuvable</h1>
      <p>
        L’adresse demandée ne correspond à aucune page de Passerelles. Le lien est peut-être ancien ou
        l’adresse a été mal saisie.
      </p>
      <a mat-flat-button routerLink="/">Retour au plan d’action</a>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
