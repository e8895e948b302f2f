import { existsSync } from 'node:fs';

/**
 * DejaVu Sans (Debian's fonts-dejavu-core) covers Cyrillic and German local names; without it the
 * PDF falls back to Helvetica, built into every PDF reader, which covers French and German only.
 * Fonts are embedded from the disk: nothing is fetched from the network.
 */
const dejaVu = { regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' };
const hasDejaVu = existsSync(dejaVu.regular) && existsSync(dejaVu.bold);

export type Pdf = PDFKit.PDFDocument;

export const colours = { ink: '#1f2933', muted: '#52606d', accent: '#1d4f91', rule: '#cbd2d9', bar: '#2f6fb5', barAlt: '#e08a1e', interactions: '#2e8b57' };

/** An A4 document in French with the body and bold fonts registered as 'body' and 'bold'. */
export async function createPdf(title: string): Promise<Pdf> {
  // Loaded with the first PDF asked for: pdfkit weighs 22 MB that most processes never need.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, lang: 'fr-FR', bufferPages: true, info: { Title: title, Author: 'Ville de Sceaux — Passerelles' } });
  doc.registerFont('body', hasDejaVu ? dejaVu.regular : 'Helvetica');
  doc.registerFont('bold', hasDejaVu ? dejaVu.bold : 'Helvetica-Bold');
  doc.font('body').fontSize(10).fillColor(colours.ink);
  return doc;
}

/** Ends the document, numbers its pages, and resolves with its bytes. */
export function finishPdf(doc: Pdf, footer: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor(colours.muted)
      .text(`${footer} — page ${index + 1} sur ${range.count}`, doc.page.margins.left, doc.page.height - 36, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

export function contentWidth(doc: Pdf) {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when fewer than `needed` points are left. */
export function ensureSpace(doc: Pdf, needed: number) {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function heading(doc: Pdf, text: string, size = 14) {
  ensureSpace(doc, size * 4);
  doc.moveDown(0.6).font('bold').fontSize(size).fillColor(colours.accent).text(text, doc.page.margins.left);
  const y = doc.y + 2;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(colours.rule).stroke();
  doc.moveDown(0.4).font('body').fontSize(10).fillColor(colours.ink);
}

export function paragraph(doc: Pdf, text: string, options: { muted?: boolean; size?: number } = {}) {
  doc
    .font('body')
    .fontSize(options.size ?? 10)
    .fillColor(options.muted ? colours.muted : colours.ink)
    .text(text, doc.page.margins.left, undefined, { width: contentWidth(doc) });
  doc.fillColor(colours.ink);
}

/** "Label : value" on one line, the label in bold. */
export function field(doc: Pdf, label: string, value: string) {
  doc.font('bold').fontSize(10).fillColor(colours.ink).text(`${label} : `, doc.page.margins.left, undefined, { continued: true, width: contentWidth(doc) });
  doc.font('body').text(value);
}

export function bullet(doc: Pdf, text: string, detail?: string) {
  ensureSpace(doc, 30);
  doc.font('body').fontSize(10).fillColor(colours.ink).text(`•  ${text}`, doc.page.margins.left + 6, undefined, { width: contentWidth(doc) - 6 });
  if (detail) doc.fontSize(9).fillColor(colours.muted).text(detail, doc.page.margins.left + 18, undefined, { width: contentWidth(doc) - 18 });
  doc.fillColor(colours.ink).fontSize(10);
}

const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayDate = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "12 mars 2026" from "2026-03-12". */
export function frenchDate(iso: string | null | undefined) {
  // French writes the first of the month "1er".
  return iso ? longDate.format(new Date(`${iso}T00:00:00Z`)).replace(/^1 /, '1er ') : '—';
}

/** "jeudi 12 mars" from "2026-03-12". */
export function frenchDay(iso: string) {
  return weekdayDate.format(new Date(`${iso}T00:00:00Z`)).replace(/ 1 /, ' 1er ');
}

export function frenchPeriod(from: string, to: string) {
  return from === to ? `le ${frenchDate(from)}` : `du ${frenchDate(from)} au ${frenchDate(to)}`;
}
