import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatChip, MatChipRemove, MatChipSet } from '@angular/material/chips';
import type { PartnerListItem } from '@api/partners/partners.schema';
import { PartnerPicker } from '../partners/partner-picker';

export type NamedRef = { id: number; name: string };

/** A list of partners chosen with the picker, shown as removable chips. */
@Component({
  selector: 'app-partner-chips',
  imports: [MatChip, MatChipRemove, MatChipSet, PartnerPicker],
  template: `
    <app-partner-picker [label]="label()" [exclude]="ids()" [error]="error()" (picked)="add($event)" />
    @if (value().length) {
      <mat-chip-set [attr.aria-label]="label() + ' choisis'">
        @for (item of value(); track item.id) {
          <mat-chip (removed)="remove(item)">
            {{ item.name }}
            <button matChipRemove type="button" [attr.aria-label]="'Retirer ' + item.name">
              <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
                <path d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z" fill="currentColor" />
              </svg>
            </button>
          </mat-chip>
        }
      </mat-chip-set>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerChips {
  readonly label = input('Partenaires');
  readonly error = input<string | null>(null);
  readonly value = model<NamedRef[]>([]);

  protected ids(): number[] {
    return this.value().map((item) => item.id);
  }

  protected add(partner: PartnerListItem | null): void {
    if (!partner || this.value().some((item) => item.id === partner.id)) return;
    this.value.set([...this.value(), { id: partner.id, name: partner.name }]);
  }

  protected remove(item: NamedRef): void {
    this.value.set(this.value().filter((candidate) => candidate.id !== item.id));
  }
}
