import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipRemove, MatChipSet } from '@angular/material/chips';

/** One active filter of a list: its query parameter, its value, and how it reads. */
export type FilterChip = { param: string; value: string; label: string };

/** The active filters of a list as chips, each one removable, and the button that clears them all. */
@Component({
  selector: 'div[appFilterChips]',
  imports: [MatButton, MatChip, MatChipRemove, MatChipSet],
  template: `
    <mat-chip-set aria-label="Filtres actifs">
      @for (chip of chips(); track chip.param + chip.value) {
        <mat-chip (removed)="removed.emit(chip)">
          {{ chip.label }}
          <button matChipRemove type="button" [attr.aria-label]="'Retirer le filtre ' + chip.label">
            <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
              <path d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z" fill="currentColor" />
            </svg>
          </button>
        </mat-chip>
      }
    </mat-chip-set>
    <button mat-button type="button" (click)="cleared.emit()">Effacer les filtres</button>
  `,
  styles: 'svg { display: block; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterChips {
  readonly chips = input.required<FilterChip[]>({ alias: 'appFilterChips' });
  readonly removed = output<FilterChip>();
  readonly cleared = output<void>();
}
