import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { exportUrl, type ExportFormat, type ExportList } from './data-api';

const formatLabels: Record<ExportFormat, string> = { csv: 'CSV (Excel, LibreOffice)', xlsx: 'Classeur Excel (.xlsx)', vcf: 'Carnet d’adresses (vCard)' };

/** "Exporter": the list as it is filtered, in each format, as plain download links (streamed to disk). */
@Component({
  selector: 'app-export-menu',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger],
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="menu">Exporter</button>
    <mat-menu #menu="matMenu">
      @for (link of links(); track link.format) {
        <a mat-menu-item [href]="link.url" download>{{ link.label }}</a>
      }
    </mat-menu>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportMenu {
  readonly list = input.required<ExportList>();
  readonly filters = input.required<Record<string, unknown>>();
  readonly formats = input<ExportFormat[]>(['csv', 'xlsx']);

  protected readonly links = computed(() =>
    this.formats().map((format) => ({ format, label: formatLabels[format], url: exportUrl(this.list(), this.filters(), format) })),
  );
}
