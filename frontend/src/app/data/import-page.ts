import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { LegalBasis } from '@api/contacts/contacts.schema';
import type { ColumnMapping, ImportAnalysis, ImportKind, ImportPlan } from '@api/data/data.schema';
import { ApiProblem } from '../core/api-problem';
import { legalBasisLabels } from '../records/labels';
import { DataApi } from './data-api';

type Phase = 'choose' | 'map' | 'checked' | 'importing' | 'done';
type Progress = { phase: 'upload' | 'write'; percent: number; done: number; total: number };
type Result = { created: number; updated: number; refused: number };

export const actionLabels: Record<string, string> = { create: 'Création', update: 'Mise à jour', refuse: 'Refusée' };

/** Import of partners or contacts: file, columns, dry run, then the import with its progress. */
@Component({
  selector: 'app-import-page',
  imports: [MatButton, MatFormField, MatHint, MatLabel, MatOption, MatProgressBar, MatSelect, RouterLink],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly api = inject(DataApi);

  protected readonly kind = signal<ImportKind>('partners');
  protected readonly file = signal<File | null>(null);
  protected readonly analysis = signal<ImportAnalysis | null>(null);
  protected readonly mapping = signal<ColumnMapping>({});
  protected readonly legalBasis = signal<LegalBasis | null>('public_task');
  protected readonly plan = signal<ImportPlan | null>(null);
  protected readonly progress = signal<Progress | null>(null);
  protected readonly result = signal<Result | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly phase = computed<Phase>(() => {
    if (this.result()) return 'done';
    if (this.progress()) return 'importing';
    if (this.plan()) return 'checked';
    if (this.analysis()) return 'map';
    return 'choose';
  });
  protected readonly toImport = computed(() => (this.plan() ? this.plan()!.counts.create + this.plan()!.counts.update : 0));
  protected readonly legalBases = Object.entries(legalBasisLabels).map(([value, label]) => ({ value: value as LegalBasis, label }));
  protected readonly actionLabels = actionLabels;
  protected readonly listLink = computed(() => (this.kind() === 'partners' ? '/partenaires' : '/contacts'));

  protected setKind(kind: ImportKind): void {
    this.kind.set(kind);
    this.reset();
    if (this.file()) void this.analyse();
  }

  protected chooseFile(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.reset();
    if (this.file()) void this.analyse();
  }

  private reset(): void {
    this.analysis.set(null);
    this.plan.set(null);
    this.progress.set(null);
    this.result.set(null);
    this.error.set(null);
  }

  private request() {
    return { kind: this.kind(), file: this.file()!, mapping: this.mapping(), legalBasis: this.kind() === 'contacts' ? this.legalBasis() : null };
  }

  private async analyse(): Promise<void> {
    const file = this.file();
    if (!file) return;
    await this.attempt(async () => {
      const analysis = await this.api.analyse({ kind: this.kind(), file });
      this.mapping.set(analysis.mapping);
      this.analysis.set(analysis);
    });
  }

  protected setColumn(field: string, column: number | null): void {
    this.mapping.update((mapping) => ({ ...mapping, [field]: column }));
    this.plan.set(null);
  }

  protected setLegalBasis(basis: LegalBasis | null): void {
    this.legalBasis.set(basis);
    this.plan.set(null);
  }

  /** "Nom — ex. : Ville de Brühl", so that a column is recognised by what it holds. */
  protected columnLabel(index: number): string {
    const analysis = this.analysis();
    if (!analysis) return '';
    const example = analysis.sample.map((row) => row[index] ?? '').find((value) => value !== '');
    const header = analysis.columns[index] || `Colonne ${index + 1}`;
    return example ? `${header} — ex. : ${example.length > 40 ? `${example.slice(0, 40)}…` : example}` : header;
  }

  protected async dryRun(): Promise<void> {
    await this.attempt(async () => this.plan.set(await this.api.dryRun(this.request())));
  }

  protected run(): void {
    this.error.set(null);
    this.progress.set({ phase: 'upload', percent: 0, done: 0, total: this.toImport() });
    this.api.run(this.request()).subscribe({
      next: (event) => {
        if (event.type === 'upload') {
          this.progress.set({ phase: 'upload', percent: event.total ? Math.round((event.loaded / event.total) * 100) : 0, done: 0, total: this.toImport() });
        } else if (event.type === 'progress') {
          this.progress.set({ phase: 'write', percent: event.total ? Math.round((event.done / event.total) * 100) : 100, done: event.done, total: event.total });
        } else if (event.type === 'done') {
          this.result.set({ created: event.created, updated: event.updated, refused: event.refused });
        } else {
          this.progress.set(null);
          this.error.set(`L’import a échoué et rien n’a été enregistré : ${event.detail}`);
        }
      },
      error: (error: unknown) => {
        this.progress.set(null);
        const problem = ApiProblem.from(error);
        this.error.set(`L’import a échoué et rien n’a été enregistré : ${problem.detail ?? problem.title}`);
      },
    });
  }

  protected again(): void {
    this.file.set(null);
    this.reset();
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
    } catch (error: unknown) {
      const problem = ApiProblem.from(error);
      const fields = problem.errors.map((field) => field.message).join(' ');
      this.error.set([problem.detail ?? problem.title, fields].filter(Boolean).join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
