import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import type { PartnerListItem } from '@api/partners/partners.schema';
import type { RelationshipView } from '@api/relationships/relationships.schema';
import { ApiProblem } from '../core/api-problem';
import { linkChoices } from '../records/labels';
import { PartnerPicker } from './partner-picker';
import { PartnersApi } from './partners-api';

export type LinkDialogData = { partner: { id: number; name: string } };

/** Adds a link from the partner whose page is open, worded from its side ("membre de", "a pour membre"...). */
@Component({
  selector: 'app-link-dialog',
  imports: [FormsModule, MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatFormField, MatInput, MatLabel, MatOption, MatSelect, PartnerPicker],
  template: `
    <h2 mat-dialog-title>Ajouter un lien</h2>
    <mat-dialog-content>
      <p>{{ data.partner.name }}…</p>
      <mat-form-field appearance="outline" class="full">
        <mat-label>Type de lien</mat-label>
        <mat-select [(ngModel)]="choice" required>
          @for (choice of choices; track choice.key) {
            <mat-option [value]="choice.key">{{ choice.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <app-partner-picker label="Autre partenaire" [exclude]="[data.partner.id]" [error]="pickError()" (picked)="other.set($event)" />
      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>Depuis le</mat-label>
          <input matInput type="date" [(ngModel)]="startedOn" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Jusqu’au</mat-label>
          <input matInput type="date" [(ngModel)]="endedOn" />
        </mat-form-field>
      </div>
      @if (error(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Annuler</button>
      <button mat-flat-button type="button" [disabled]="pending()" (click)="save()">Ajouter le lien</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .row {
      display: flex;
      gap: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinkDialog {
  protected readonly data = inject<LinkDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<LinkDialog, RelationshipView>>(MatDialogRef);
  private readonly api = inject(PartnersApi);

  protected readonly choices = linkChoices;
  protected choice = '';
  protected startedOn = '';
  protected endedOn = '';
  protected readonly other = signal<PartnerListItem | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly pickError = signal<string | null>(null);

  protected async save(): Promise<void> {
    const choice = this.choices.find((item) => item.key === this.choice);
    const other = this.other();
    this.error.set(null);
    if (!choice || !other) {
      this.error.set(!choice ? 'Choisissez le type de lien.' : 'Choisissez l’autre partenaire dans la liste proposée.');
      return;
    }
    this.pending.set(true);
    try {
      const [source, target] = choice.thisIsSource ? [this.data.partner.id, other.id] : [other.id, this.data.partner.id];
      const created = await this.api.link({
        type: choice.type,
        sourcePartnerId: source,
        targetPartnerId: target,
        startedOn: this.startedOn || null,
        endedOn: this.endedOn || null,
      });
      this.dialog.close(created);
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.error.set(problem.errors.length ? problem.errors.map((item) => item.message).join(' ') : (problem.detail ?? problem.title));
    } finally {
      this.pending.set(false);
    }
  }
}
