import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';

/** Recovery codes, shown once, with what to do with them. */
@Component({
  selector: 'app-recovery-codes',
  imports: [MatButton],
  template: `
    <p>
      <strong>Notez ces codes de secours maintenant</strong> et gardez-les en lieu sûr : ils ne seront plus affichés.
      Chacun permet une seule connexion si vous n’avez plus votre téléphone.
    </p>
    <ul class="codes" aria-label="Codes de secours">
      @for (code of codes(); track code) {
        <li><code>{{ code }}</code></li>
      }
    </ul>
    <button mat-stroked-button type="button" (click)="copy()">{{ copied() ? 'Codes copiés' : 'Copier les codes' }}</button>
  `,
  styles: `
    .codes { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 8px; padding: 0; list-style: none; }
    code { font-size: 1.05rem; letter-spacing: 0.05em; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesList {
  private readonly clipboard = inject(Clipboard);
  readonly codes = input.required<readonly string[]>();
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.codes().join('\n')));
  }
}
