import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatAutocomplete, MatAutocompleteTrigger, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { PartnerListItem } from '@api/partners/partners.schema';
import { kindLabels } from '../records/labels';
import { PartnersApi } from './partners-api';

/** Finds a partner by typing a few letters of its name, local name or city. */
@Component({
  selector: 'app-partner-picker',
  imports: [MatAutocomplete, MatAutocompleteTrigger, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption],
  template: `
    <mat-form-field appearance="outline" class="full">
      <mat-label>{{ label() }}</mat-label>
      <input matInput #field [matAutocomplete]="auto" (input)="search(field.value)" autocomplete="off" [attr.aria-describedby]="null" />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="displayName" (optionSelected)="select($event)">
        @for (partner of options(); track partner.id) {
          <mat-option [value]="partner">{{ partner.name }} — {{ kindLabels[partner.kind] }}{{ partner.city ? ', ' + partner.city : '' }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>Tapez quelques lettres du nom</mat-hint>
      @if (error()) {
        <mat-error>{{ error() }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerPicker {
  private readonly api = inject(PartnersApi);
  readonly label = input('Partenaire');
  /** Partners that cannot be chosen (the one whose page is open). */
  readonly exclude = input<number[]>([]);
  readonly error = input<string | null>(null);
  readonly picked = output<PartnerListItem | null>();

  protected readonly kindLabels = kindLabels;
  protected readonly options = signal<PartnerListItem[]>([]);
  private request = 0;

  protected displayName = (partner: PartnerListItem | string | null) => (typeof partner === 'string' ? partner : (partner?.name ?? ''));

  protected async search(text: string): Promise<void> {
    this.picked.emit(null);
    const request = ++this.request;
    if (text.trim().length < 2) {
      this.options.set([]);
      return;
    }
    try {
      const page = await this.api.list({ q: text, limit: 10 });
      if (request === this.request) this.options.set(page.items.filter((partner) => !this.exclude().includes(partner.id)));
    } catch {
      this.options.set([]);
    }
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const partner = event.option.value as PartnerListItem;
    this.picked.emit(partner);
  }
}
