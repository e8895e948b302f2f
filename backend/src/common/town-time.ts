import { zonedDate } from '../jobs/schedule';

/** The calendar day (YYYY-MM-DD) of an instant in the town's time zone: "today", "overdue" are reckoned on it. */
export function dayIn(timeZone: string, instant = new Date()): string {
  const { year, month, day } = zonedDate(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A calendar day moved by a number of days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
