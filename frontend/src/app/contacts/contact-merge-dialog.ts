import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatAutocomplete, MatAutocompleteTrigger, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ContactListItem, ContactView } from '@api/contacts/contacts.schema';
import { ApiProblem } from '../core/api-problem';
import { ContactsApi } from './contacts-api';

export type ContactMergeData = { contact: ContactView };

/** Merges a duplicate contact into the one whose page is open. */
@Component({
  selector: 'app-contact-merge-dialog',
  imports: [MatAutocomplete, MatAutocompleteTrigger, MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatFormField, MatHint, MatInput, MatLabel, MatOption],
  template: `
    <h2 mat-dialog-title>Fusionner un doublon dans « {{ data.contact.fullName }} »</h2>
    <mat-dialog-content>
      <p>Les rattachements, adresses, téléphones et langues de la fiche choisie seront repris ici, puis elle sera supprimée (restaurable depuis la corbeille).</p>
      <mat-form-field appearance="outline" class="full">
        <mat-label>Fiche en doublon</mat-label>
        <input matInput #field [matAutocomplete]="auto" (input)="search(field.value)" autocomplete="off" />
        <mat-autocomplete #auto="matAutocomplete" [displayWith]="displayName" (optionSelected)="select($event)">
          @for (contact of options(); track contact.id) {
            <mat-option [value]="contact">{{ contact.fullName }}{{ contact.emails[0] ? ' — ' + contact.emails[0] : '' }}</mat-option>
          }
        </mat-autocomplete>
        <mat-hint>Tapez quelques lettres du nom ou de l’adresse</mat-hint>
      </mat-form-field>
      @if (error(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Annuler</button>
      <button mat-flat-button type="button" [disabled]="pending() || !other()" (click)="merge()">Fusionner</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactMergeDialog {
  protected readonly data = inject<ContactMergeData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<ContactMergeDialog, ContactView>>(MatDialogRef);
  private readonly api = inject(ContactsApi);
  protected readonly options = signal<ContactListItem[]>([]);
  protected readonly other = signal<ContactListItem | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected displayName = (contact: ContactListItem | string | null) => (typeof contact === 'string' ? contact : (contact?.fullName ?? ''));

  protected async search(text: string): Promise<void> {
    this.other.set(null);
    if (text.trim().length < 2) return this.options.set([]);
    const page = await this.api.list({ q: text, limit: 10 }).catch(() => ({ items: [] as ContactListItem[] }));
    this.options.set(page.items.filter((contact) => contact.id !== this.data.contact.id));
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    this.other.set(event.option.value as ContactListItem);
  }

  protected async merge(): Promise<void> {
    const other = this.other();
    if (!other) return;
    this.pending.set(true);
    this.error.set(null);
    try {
      this.dialog.close(await this.api.merge(this.data.contact.id, { from: other.id, version: this.data.contact.version }));
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.error.set(problem.code === 'version_conflict' ? 'La fiche a été modifiée entre-temps : rechargez la page puis recommencez.' : (problem.detail ?? problem.title));
    } finally {
      this.pending.set(false);
    }
  }
}
