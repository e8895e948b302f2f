import { Injectable, type Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, NativeDateAdapter, type MatDateFormats } from '@angular/material/core';

/**
 * Material's date adapter reading and writing dd/MM/yyyy, the way people type dates in France
 * (the native adapter would read 05/12/2026 as 12 May).
 */
@Injectable()
export class FrenchDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value === 'string') {
      const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
      if (!match) return value.trim() === '' ? null : this.invalid();
      const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(year, month - 1, day);
      return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : this.invalid();
    }
    return super.parse(value, parseFormat);
  }

  /** Times as typed in France too: "14h30", "14 h 30" and "9h" besides "14:30". */
  override parseTime(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value === 'string') {
      const french = /^\s*(\d{1,2})\s*h\s*(\d{2})?\s*$/i.exec(value);
      if (french) return super.parseTime(`${french[1]}:${french[2] ?? '00'}`, parseFormat);
    }
    return super.parseTime(value, parseFormat);
  }

  override format(date: Date, displayFormat: object): string {
    if ((displayFormat as { input?: boolean }).input) return toFrenchDate(date);
    return super.format(date, displayFormat);
  }
}

export const frenchDateFormats: MatDateFormats = {
  parse: { dateInput: { input: true } },
  display: {
    dateInput: { input: true },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/** The datepicker in French: dd/MM/yyyy typed or picked, weeks starting on Monday. */
export function provideFrenchDates(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' },
    { provide: DateAdapter, useClass: FrenchDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: frenchDateFormats },
  ];
}

export function toFrenchDate(date: Date): string {
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
}

/** A local date as YYYY-MM-DD (what the API takes), and back. */
export function toIsoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function fromIsoDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

/** A local day and an "HH:mm" time as an ISO instant with the browser's offset. */
export function instantOf(day: Date, time: string): string {
  const [hours, minutes] = (/^(\d{1,2})[:h](\d{2})$/.exec(time.trim())?.slice(1) ?? ['0', '0']).map(Number) as [number, number];
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes).toISOString();
}
