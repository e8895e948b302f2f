import { inject, Injectable, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { InteractionView } from '@api/interactions/interactions.schema';
import type { QuickLogData } from './quick-log-dialog';

/** Opens the quick-log dialog from anywhere, and tells pages that show interactions to reload. */
@Injectable({ providedIn: 'root' })
export class QuickLog {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  /** Goes up by one at each interaction logged. */
  readonly saved = signal(0);
  private open = false;

  async openDialog(data: QuickLogData = {}): Promise<InteractionView | undefined> {
    if (this.open) return undefined;
    this.open = true;
    try {
      const { QuickLogDialog } = await import('./quick-log-dialog');
      const ref = this.dialog.open(QuickLogDialog, { data, width: '760px', maxWidth: '96vw', autoFocus: 'first-tabbable', restoreFocus: true });
      const result = await new Promise<InteractionView | undefined>((resolve) => ref.afterClosed().subscribe(resolve));
      if (result) {
        this.saved.update((count) => count + 1);
        const followUps = result.followUps.length;
        const snack = this.snackBar.open(
          `Échange enregistré${followUps ? ` avec ${followUps} suivi${followUps > 1 ? 's' : ''}` : ''}.`,
          'Voir',
          { duration: 6000 },
        );
        snack.onAction().subscribe(() => void this.router.navigate(['/interactions', result.id]));
      }
      return result;
    } finally {
      this.open = false;
    }
  }
}
