import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { MatAutocomplete, MatAutocompleteTrigger, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChip, MatChipRemove, MatChipSet } from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ContactListItem } from '@api/contacts/contacts.schema';
import { ContactsApi } from '../contacts/contacts-api';
import type { NamedRef } from '../records/partner-chips';

/** Contacts chosen by typing a few letters of their name, shown as removable chips. */
@Component({
  selector: 'app-contact-chips',
  imports: [MatAutocomplete, MatAutocompleteTrigger, MatChip, MatChipRemove, MatChipSet, MatFormField, MatHint, MatInput, MatLabel, MatOption],
  template: `
    <mat-form-field appearance="outline" class="full">
      <mat-label>{{ label() }}</mat-label>
      <input matInput #field [matAutocomplete]="auto" (input)="search(field.value)" autocomplete="off" />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="select($event); field.value = ''">
        @for (contact of options(); track contact.id) {
          <mat-option [value]="contact">{{ contact.fullName }}{{ contact.jobTitle ? ' — ' + contact.jobTitle : '' }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>Tapez quelques lettres du nom</mat-hint>
    </mat-form-field>
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
  styles: `
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactChips {
  private readonly api = inject(ContactsApi);
  readonly label = input('Contacts');
  readonly value = model<NamedRef[]>([]);
  protected readonly options = signal<ContactListItem[]>([]);
  private request = 0;

  protected async search(text: string): Promise<void> {
    const request = ++this.request;
    if (text.trim().length < 2) {
      this.options.set([]);
      return;
    }
    try {
      const page = await this.api.list({ q: text, limit: 10 });
      if (request === this.request) this.options.set(page.items.filter((contact) => !this.value().some((item) => item.id === contact.id)));
    } catch {
      this.options.set([]);
    }
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const contact = event.option.value as ContactListItem;
    if (!this.value().some((item) => item.id === contact.id)) this.value.set([...this.value(), { id: contact.id, name: contact.fullName }]);
    this.options.set([]);
  }

  protected remove(item: NamedRef): void {
    this.value.set(this.value().filter((candidate) => candidate.id !== item.id));
  }
}
