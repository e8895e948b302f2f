import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import type { PartnerListItem, PartnerView } from '@api/partners/partners.schema';
import { ApiProblem } from '../core/api-problem';
import { PartnerPicker } from './partner-picker';
import { PartnersApi } from './partners-api';

export type MergeDialogData = { partner: PartnerView };

/** Merges a duplicate into the partner whose page is open: every link moves here, the duplicate is deleted. */
@Component({
  selector: 'app-merge-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, PartnerPicker],
  template: `
    <h2 mat-dialog-title>Fusionner un doublon dans « {{ data.partner.name }} »</h2>
    <mat-dialog-content>
      <p>
        Les contacts, liens, mots-clés, objectifs et comptes de la fiche choisie seront rattachés à « {{ data.partner.name }} », puis la
        fiche choisie sera supprimée (elle reste restaurable depuis la corbeille).
      </p>
      <app-partner-picker label="Fiche en doublon" [exclude]="[data.partner.id]" (picked)="other.set($event)" />
      @if (error(); as message) {
        <p class="error-message" role="alert">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Annuler</button>
      <button mat-flat-button type="button" [disabled]="pending() || !other()" (click)="merge()">Fusionner</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MergeDialog {
  protected readonly data = inject<MergeDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<MergeDialog, PartnerView>>(MatDialogRef);
  private readonly api = inject(PartnersApi);
  protected readonly other = signal<PartnerListItem | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async merge(): Promise<void> {
    const other = this.other();
    if (!other) return;
    this.pending.set(true);
    this.error.set(null);
    try {
      this.dialog.close(await this.api.merge(this.data.partner.id, { from: other.id, version: this.data.partner.version }));
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      this.error.set(
        problem.code === 'version_conflict'
          ? 'La fiche a été modifiée entre-temps : fermez cette fenêtre, rechargez la page puis recommencez.'
          : problem.errors.length
            ? problem.errors.map((item) => item.message).join(' ')
            : (problem.detail ?? problem.title),
      );
    } finally {
      this.pending.set(false);
    }
  }
}
