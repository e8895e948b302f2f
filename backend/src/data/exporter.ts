import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify';
import type { Order, WhereOptions } from 'sequelize';
import { keysetPage, type SortKey } from '../http/keyset';

export type ExportValue = string | number | Date | null;
export type ExportColumn<Row> = { header: string; width?: number; value: (row: Row) => ExportValue };

/**
 * A list that exports: its columns, and its rows as batches read one after the other by keyset, so
 * that a million rows never sit in memory at once. Interactions and follow-ups plug in the same way.
 */
export type ExportSource<Row> = {
  /** `partenaires` → `partenaires-2026-11-30.csv` */
  fileName: string;
  sheetName: string;
  /** For the audit event: `partner`, `contact`... */
  entityType: string;
  columns: ExportColumn<Row>[];
  batches: () => AsyncIterable<Row[]>;
};

export const exportBatchSize = 1_000;

/** Reads a list page after page with the shared keyset helper, `size` rows at a time. */
export async function* keysetBatches<Model extends { id: number }, Row>(
  key: SortKey,
  find: (options: { where: WhereOptions | undefined; order: Order; limit: number }) => Promise<Model[]>,
  expand: (models: Model[]) => Promise<Row[]>,
  size = exportBatchSize,
): AsyncIterable<Row[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await keysetPage(key, { limit: size, cursor }, find);
    if (page.items.length) yield await expand(page.items);
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function textOf(value: ExportValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with ' (CSV injection). */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d\s.,]*$/.test(text) ? `'${text}` : text;
}

async function drained(res: Response) {
  if (res.writableNeedDrain) await once(res, 'drain');
}

/**
 * A GET changes nothing stored (see reliability/safe-methods.spec.ts), so a list export is written to
 * the application log (who, what, how many rows) rather than to the audit table.
 */
function logExport(req: Request, entityType: string, format: string, rows: number, filters: Record<string, unknown>) {
  const user = req.user as { id: number } | undefined;
  req.log?.info({ export: { entityType, format, rows, filters, userId: user?.id ?? null } }, 'list exported');
}

/** Whether the whole answer went out (false when the client went away). */
async function ended(res: Response) {
  try {
    await finished(res);
    return true;
  } catch {
    return false;
  }
}

/** Streams the list as CSV (UTF-8 with BOM, `;` as Excel expects in France) or XLSX, then audits the export. */
export async function sendExport<Row>(req: Request, res: Response, source: ExportSource<Row>, format: 'csv' | 'xlsx', filters: Record<string, unknown>) {
  const fileName = `${source.fileName}-${today()}.${format}`;
  res.status(200);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  let rows = 0;
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    const csv = stringify({ bom: true, delimiter: ';', record_delimiter: 'windows', header: true, columns: source.columns.map((column) => column.header) });
    csv.pipe(res);
    for await (const batch of source.batches()) {
      for (const row of batch) {
        if (!csv.write(source.columns.map((column) => safeCell(textOf(column.value(row)))))) await once(csv, 'drain');
        rows += 1;
      }
      await drained(res);
    }
    csv.end();
  } else {
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // Loaded on the first spreadsheet asked for: exceljs weighs 27 MB that most processes never need.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(source.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = source.columns.map((column) => ({ header: column.header, width: column.width ?? 20 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const batch of source.batches()) {
      for (const row of batch) {
        sheet.addRow(source.columns.map((column) => column.value(row))).commit();
        rows += 1;
      }
      await drained(res);
    }
    sheet.commit();
    await workbook.commit();
  }
  if (await ended(res)) logExport(req, source.entityType, format, rows, filters);
}

/** Streams raw text chunks (vCard), batch after batch. */
export async function sendText<Row>(
  req: Request,
  res: Response,
  options: { fileName: string; contentType: string; entityType: string; batches: () => AsyncIterable<Row[]>; render: (row: Row) => string },
  filters: Record<string, unknown>,
) {
  res.status(200);
  res.setHeader('Content-Type', options.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${options.fileName}"`);
  let rows = 0;
  for await (const batch of options.batches()) {
    res.write(batch.map(options.render).join(''));
    rows += batch.length;
    await drained(res);
  }
  res.end();
  if (await ended(res)) logExport(req, options.entityType, 'vcf', rows, filters);
}
