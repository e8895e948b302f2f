import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

export type EraseData = { fullName: string };

/** Asks for the reason of an erasure; closes with the reason, or nothing when cancelled. */
@Component({
  selector: 'app-erase-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatFormField, MatHint, MatInput, MatLabel],
  template: `
    <h2 mat-dialog-title>Effacer {{ data.fullName }} ?</h2>
    <mat-dialog-content>
      <p>
        La fiche sera anonymisée pour de bon : nom, coordonnées, notes, rattachements et valeurs de l’historique disparaissent, ainsi
        que des recherches et des exports. Les échanges auxquels la personne a pris part restent dans l’historique des partenaires.
      </p>
      <mat-form-field appearance="outline" class="reason">
        <mat-label>Motif de l’effacement</mat-label>
        <input matInput [value]="reason()" (input)="reason.set($any($event.target).value)" maxlength="500" />
        <mat-hint>Par exemple : demande reçue par courriel le 2 décembre</mat-hint>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">Annuler</button>
      <button mat-flat-button type="button" [disabled]="reason().trim().length < 3" [mat-dialog-close]="reason().trim()">Effacer définitivement</button>
    </mat-dialog-actions>
  `,
  styles: '.reason { width: 100%; margin-top: 8px; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EraseDialog {
  protected readonly data = inject<EraseData>(MAT_DIALOG_DATA);
  protected readonly reason = signal('');
}
