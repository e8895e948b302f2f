import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAutocomplete, MatAutocompleteTrigger, MatOptgroup, MatOption, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { Router } from '@angular/router';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import type { SearchResult } from '@api/search/search.schema';
import { HighlightedText } from './highlighted-text';
import { SearchApi, searchKindLabel } from './search-api';

const allResults = '\u0000all';
const minimumLength = 2;

/** The search field of the toolbar: results as one types, grouped by kind; Enter opens the full results. */
@Component({
  selector: 'app-search-box',
  imports: [HighlightedText, MatAutocomplete, MatAutocompleteTrigger, MatOptgroup, MatOption],
  template: `
    <form class="search" role="search" aria-label="Recherche dans Passerelles" (submit)="openResults($event)">
      <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z"
        />
      </svg>
      <input
        #field
        type="search"
        name="q"
        placeholder="Rechercher (/)"
        aria-label="Recherche globale"
        aria-keyshortcuts="/ Control+K"
        autocomplete="off"
        maxlength="200"
        [value]="query()"
        (input)="query.set(field.value)"
        (keydown.escape)="field.blur()"
        [matAutocomplete]="panel"
      />
      <mat-autocomplete #panel="matAutocomplete" class="search-panel" [displayWith]="keepQuery" (optionSelected)="select($event)">
        @for (group of groups(); track group.kind) {
          <mat-optgroup [label]="groupLabel(group.kind, group.total)">
            @for (item of group.items; track item.id) {
              <mat-option [value]="item.url" class="search-option">
                <span class="title"><app-highlighted-text [text]="item.title" [ranges]="item.titleHighlights" /></span>
                @if (item.snippet) {
                  <span class="snippet"><app-highlighted-text [text]="item.snippet" [ranges]="item.snippetHighlights" /></span>
                }
              </mat-option>
            }
          </mat-optgroup>
        }
        @if (result(); as current) {
          @if (groups().length === 0) {
            <mat-option disabled class="search-option">Aucun résultat pour « {{ current.q }} »</mat-option>
          } @else {
            <mat-option [value]="allResults" class="search-option all">Tous les résultats pour « {{ current.q }} »</mat-option>
          }
        }
      </mat-autocomplete>
    </form>
  `,
  styleUrl: './search-box.scss',
  host: { '(document:keydown)': 'onShortcut($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchBox {
  private readonly api = inject(SearchApi);
  private readonly router = inject(Router);
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');
  private readonly trigger = viewChild.required(MatAutocompleteTrigger);

  protected readonly allResults = allResults;
  protected readonly query = signal('');
  protected readonly result = toSignal(
    toObservable(this.query).pipe(
      map((query) => query.trim()),
      debounceTime(150),
      distinctUntilChanged(),
      switchMap((q) =>
        q.length < minimumLength
          ? of(null)
          : this.api.search({ q, limit: 5 }).pipe(
              map((result: SearchResult) => ({ q, result })),
              catchError(() => of(null)),
            ),
      ),
    ),
    { initialValue: null },
  );
  protected readonly groups = () => (this.result()?.result.groups ?? []).filter((group) => group.items.length > 0);

  /** Picking a result keeps what was typed in the field (the option's value is a link). */
  protected readonly keepQuery = () => this.query();

  protected groupLabel(kind: string, total: number): string {
    return `${searchKindLabel(kind)} (${total.toLocaleString('fr-FR')})`;
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const value = event.option.value as string;
    if (value === allResults) {
      this.goToResults();
      return;
    }
    this.query.set('');
    this.field().nativeElement.blur();
    void this.router.navigateByUrl(value);
  }

  /** Enter with no result chosen in the list: the full results page. */
  protected openResults(event: Event): void {
    event.preventDefault();
    if (this.query().trim().length > 0) this.goToResults();
  }

  private goToResults(): void {
    this.trigger().closePanel();
    this.field().nativeElement.blur();
    void this.router.navigate(['/recherche'], { queryParams: { q: this.query().trim() } });
  }

  /** "/" (outside a text field) and Ctrl+K (or ⌘K) put the cursor in the search field. */
  protected onShortcut(event: KeyboardEvent): void {
    const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target);
    if (!commandK && !slash) return;
    event.preventDefault();
    const field = this.field().nativeElement;
    field.focus();
    field.select();
  }
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
