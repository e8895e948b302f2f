import { z } from 'zod';
import { LegalBasis } from '../contacts/contacts.schema';

/** What a file can import. */
export const importKinds = ['partners', 'contacts'] as const;
export const ImportKind = z.enum(importKinds, { error: 'Type d’import inconnu : partners ou contacts.' }).meta({ id: 'ImportKind' });
export type ImportKind = z.infer<typeof ImportKind>;

/** Field key → index of the file's column holding it (absent or null: not imported). */
export const ColumnMapping = z.record(z.string().max(40), z.number().int().min(0).max(500).nullable()).meta({ id: 'ColumnMapping' });
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** The form fields sent with the file (multipart/form-data). */
export const ImportForm = z
  .object({
    kind: ImportKind,
    mapping: z
      .string()
      .max(20_000)
      .optional()
      .transform((text, context) => {
        if (text === undefined || text === '') return undefined;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.addIssue({ code: 'custom', message: 'Correspondance des colonnes illisible (JSON attendu).' });
          return z.NEVER;
        }
      })
      .pipe(ColumnMapping.optional()),
    legalBasis: LegalBasis.optional().meta({ description: 'Contacts: the legal basis of rows that name none' }),
  })
  .meta({ id: 'ImportForm' });
export type ImportForm = z.output<typeof ImportForm>;

export const ImportField = z
  .object({ key: z.string(), label: z.string(), required: z.boolean(), hint: z.string().nullable() })
  .meta({ id: 'ImportField' });
export type ImportField = z.infer<typeof ImportField>;

export const ImportAnalysis = z
  .object({
    kind: ImportKind,
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    columns: z.array(z.string()),
    sample: z.array(z.array(z.string())),
    rowCount: z.number().int(),
    fields: z.array(ImportField),
    mapping: ColumnMapping,
  })
  .meta({ id: 'ImportAnalysis' });
export type ImportAnalysis = z.infer<typeof ImportAnalysis>;

export const importActions = ['create', 'update', 'refuse'] as const;
export const ImportRowPlan = z
  .object({
    line: z.number().int(),
    action: z.enum(importActions),
    label: z.string(),
    targetId: z.number().int().nullable(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'ImportRowPlan' });
export type ImportRowPlan = z.infer<typeof ImportRowPlan>;

export const ImportCounts = z.object({ create: z.number().int(), update: z.number().int(), refuse: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportPlan = z
  .object({
    kind: ImportKind,
    counts: ImportCounts,
    /** The rows, refused ones first, at most 1 000 of them. */
    rows: z.array(ImportRowPlan),
    truncated: z.boolean(),
  })
  .meta({ id: 'ImportPlan' });
export type ImportPlan = z.infer<typeof ImportPlan>;

/** One line of the streamed answer of an import (application/x-ndjson). */
export type ImportProgress =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; created: number; updated: number; refused: number }
  | { type: 'error'; status: number; code: string; detail: string };

export const exportFormats = ['csv', 'xlsx'] as const;
export const ExportFormat = z.enum(exportFormats, { error: 'Format inconnu : csv ou xlsx.' });
export const contactExportFormats = ['csv', 'xlsx', 'vcf'] as const;
export const ContactExportFormat = z.enum(contactExportFormats, { error: 'Format inconnu : csv, xlsx ou vcf.' });

export const DataExportFormat = z.object({ format: z.enum(['json', 'html'], { error: 'Format inconnu : json ou html.' }).default('json') });

export const ErasureRequest = z
  .object({
    version: z.number().int().min(0),
    reason: z.string().trim().min(3, { error: 'Indiquez le motif de l’effacement (demande reçue, revue de conservation…).' }).max(500),
  })
  .meta({ id: 'ErasureRequest' });
export type ErasureRequest = z.input<typeof ErasureRequest>;

export const RetentionItem = z
  .object({
    id: z.number().int(),
    fullName: z.string(),
    legalBasis: LegalBasis,
    createdAt: z.date(),
    retentionKeptAt: z.date().nullable(),
    partners: z.array(z.string()),
  })
  .meta({ id: 'RetentionItem' });
export type RetentionItem = z.infer<typeof RetentionItem>;
export const RetentionPage = z.object({ items: z.array(RetentionItem), nextCursor: z.string().nullable() }).meta({ id: 'RetentionPage' });
export type RetentionPage = z.infer<typeof RetentionPage>;

export const RetentionDecision = z
  .object({
    ids: z.array(z.number().int().positive(), { error: 'Liste de contacts attendue.' }).min(1, { error: 'Choisissez au moins un contact.' }).max(500, { error: 'Au plus 500 contacts à la fois.' }),
    reason: z.string().trim().min(3, { error: 'Indiquez le motif de la décision.' }).max(500, { error: 'Le motif dépasse 500 caractères.' }),
  })
  .meta({ id: 'RetentionDecision' });
export type RetentionDecision = z.input<typeof RetentionDecision>;
export const DecisionResult = z.object({ count: z.number().int() }).meta({ id: 'DecisionResult' });
