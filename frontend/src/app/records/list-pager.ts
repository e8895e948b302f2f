import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { listInUrl } from './page-loader';

type Pages = Pick<ReturnType<typeof listInUrl>, 'hasPrevious' | 'canGoBack' | 'nextCursor' | 'firstPage' | 'previousPage' | 'nextPage'>;

/** The buttons that page through a list kept in the URL: first, previous (the pages gone through), next. */
@Component({
  selector: 'nav[appListPager]',
  imports: [MatButton],
  template: `
    @if (pages().hasPrevious()) {
      <button mat-stroked-button type="button" (click)="pages().firstPage()">Première page</button>
      @if (pages().canGoBack()) {
        <button mat-stroked-button type="button" (click)="pages().previousPage()">Page précédente</button>
      }
    }
    @if (pages().nextCursor()) {
      <button mat-flat-button type="button" (click)="pages().nextPage()">Page suivante</button>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListPager {
  readonly pages = input.required<Pages>({ alias: 'appListPager' });
}
