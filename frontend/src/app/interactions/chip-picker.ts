import { ChangeDetectionStrategy, Component, ElementRef, input, model, signal, viewChild } from '@angular/core';
import { MatAutocomplete, MatAutocompleteTrigger, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipGrid, MatChipInput, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';

export type PickedItem = { id: number; label: string; detail?: string };

/** Several records chosen by typing a few letters: chips for what is chosen, suggestions below. */
@Component({
  selector: 'app-chip-picker',
  imports: [MatAutocomplete, MatAutocompleteTrigger, MatChipGrid, MatChipInput, MatChipRemove, MatChipRow, MatFormField, MatHint, MatLabel, MatOption],
  template: `
    <mat-form-field appearance="outline" class="full" [class.invalid]="!!error()">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="label()">
        @for (item of items(); track item.id) {
          <mat-chip-row (removed)="remove(item)">
            {{ item.label }}
            <button matChipRemove type="button" [attr.aria-label]="'Retirer ' + item.label">
              <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
                <path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z" fill="currentColor" />
              </svg>
            </button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <!-- Beside the grid, not in it: a grid may only hold rows (axe aria-required-children). -->
      <input
        #field
        [matChipInputFor]="grid"
        [matAutocomplete]="auto"
        (input)="search(field.value)"
        (focus)="search(field.value)"
        autocomplete="off"
        [attr.data-picker]="name()"
      />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="select($event)">
        @for (option of options(); track option.id) {
          <mat-option [value]="option">{{ option.label }}@if (option.detail) {<span class="detail"> — {{ option.detail }}</span>}</mat-option>
        }
      </mat-autocomplete>
      @if (error()) {
        <mat-hint class="error-hint" role="alert">{{ error() }}</mat-hint>
      } @else if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .detail {
      color: var(--mat-sys-on-surface-variant);
    }
    .error-hint {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChipPicker {
  readonly label = input.required<string>();
  readonly name = input('');
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
  /** Finds the suggestions for what was typed ('' when the field gets the focus). */
  readonly find = input.required<(text: string) => Promise<PickedItem[]>>();
  readonly items = model<PickedItem[]>([]);

  protected readonly options = signal<PickedItem[]>([]);
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');
  private request = 0;

  protected async search(text: string): Promise<void> {
    const request = ++this.request;
    try {
      const found = await this.find()(text.trim());
      const chosen = new Set(this.items().map((item) => item.id));
      if (request === this.request) this.options.set(found.filter((item) => !chosen.has(item.id)));
    } catch {
      this.options.set([]);
    }
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const item = event.option.value as PickedItem;
    if (!this.items().some((existing) => existing.id === item.id)) this.items.update((items) => [...items, item]);
    this.field().nativeElement.value = '';
    this.options.set([]);
  }

  protected remove(item: PickedItem): void {
    this.items.update((items) => items.filter((existing) => existing.id !== item.id));
  }
}
