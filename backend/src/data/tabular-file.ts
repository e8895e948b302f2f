import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { problems } from '../http/problem';

/** A spreadsheet read into text cells: the header row, then each data row with its line in the file. */
export type Table = {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1252' | null;
  delimiter: string | null;
  headers: string[];
  rows: { line: number; cells: string[] }[];
};

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);
const xlsxMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function malformed(detail: string) {
  return problems.badRequest('malformed_file', detail);
}

/**
 * The rows one file may hold. An import is planned and written as a whole (one transaction, a dry run of
 * every row), so a file's rows are in memory together; beyond this, the file is refused as soon as the
 * row past the limit is read, before anything else is done with it.
 */
export const maxImportRows = 100_000;

function tooManyRows(maxRows: number) {
  return problems.badRequest(
    'too_many_rows',
    `Le fichier compte plus de ${maxRows.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers de ${maxRows.toLocaleString('fr-FR')} lignes au plus.`,
  );
}

/** Reads an uploaded CSV or XLSX file; a file that cannot be read is a 400 `malformed_file` naming the line. */
export async function readTable(file: Buffer, fileName = '', maxRows = maxImportRows): Promise<Table> {
  if (file.length === 0) throw malformed('Le fichier est vide.');
  if (file.subarray(0, 4).equals(xlsxMagic) || /\.xlsx$/i.test(fileName)) return readXlsx(file, maxRows);
  return readCsv(file, maxRows);
}

/**
 * UTF-8 with or without BOM, or Windows-1252 as Excel writes a "CSV (séparateur : point-virgule)":
 * a file that is not valid UTF-8 is read as Windows-1252.
 */
export function decodeText(file: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (file.subarray(0, 3).equals(utf8Bom)) return { text: file.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(file), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(file, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** `;` (French Excel), `,` or tab: whichever occurs most in the header line, outside quotes. */
export function guessDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char]! += 1;
  }
  const [best] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

const csvMessages: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'un guillemet ouvert n’est jamais fermé',
  CSV_INVALID_CLOSING_QUOTE: 'un guillemet fermant est suivi d’autre chose qu’un séparateur',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'un guillemet fermant est suivi d’autre chose qu’un séparateur',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'le nombre de colonnes diffère de celui de l’en-tête',
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: 'le nombre de colonnes diffère de celui de l’en-tête',
  INVALID_OPENING_QUOTE: 'un guillemet apparaît au milieu d’un champ qui n’est pas entre guillemets',
};

function readCsv(file: Buffer, maxRows: number): Table {
  const { text, encoding } = decodeText(file);
  const delimiter = guessDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // The header, the rows allowed, and one more to tell that there are too many.
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: false, to: maxRows + 2 }) as never;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const what = csvMessages[error.code] ?? 'le contenu ne suit pas le format CSV';
      throw malformed(`Fichier CSV mal formé${line ? `, ligne ${line}` : ''} : ${what}.`);
    }
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw malformed('Le fichier ne contient aucune ligne.');
  if (data.length > maxRows) throw tooManyRows(maxRows);
  return {
    format: 'csv',
    encoding,
    delimiter,
    headers: header.record.map((cell) => cell.trim()),
    // info.lines is the line where the record ends; a quoted field may span several lines.
    rows: data.map(({ record, info }) => ({ line: info.lines, cells: record.map((cell) => cell.trim()) })),
  };
}

async function readXlsx(file: Buffer, maxRows: number): Promise<Table> {
  const rows: { line: number; cells: string[] }[] = [];
  let headers: string[] | null = null;
  try {
    // Loaded on the first spreadsheet read (27 MB that most processes never need).
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(file), {
      sharedStrings: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'emit',
    });
    for await (const worksheet of reader) {
      // The first sheet holds the data; the others are read through and ignored.
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, cellText);
        if (headers === null) headers = cells.map((cell) => cell.trim());
        else if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: row.number, cells: cells.map((cell) => cell.trim()) });
        if (rows.length > maxRows) break;
      }
      break;
    }
  } catch {
    throw malformed('Ce fichier XLSX ne peut pas être lu : enregistrez-le de nouveau depuis votre tableur, au format .xlsx ou .csv.');
  }
  if (!headers) throw malformed('Le classeur ne contient aucune ligne.');
  if (rows.length > maxRows) throw tooManyRows(maxRows);
  const width = headers.length;
  return { format: 'xlsx', encoding: null, delimiter: null, headers, rows: rows.map((row) => ({ ...row, cells: padTo(row.cells, width) })) };
}

function padTo(cells: string[], width: number) {
  const padded = cells.slice(0, Math.max(width, cells.length));
  while (padded.length < width) padded.push('');
  return padded;
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
