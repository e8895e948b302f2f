// Days as the town counts them. The app and the browser (playwright.config: timezoneId) live in
// Europe/Paris; the test process may not (CI runs in UTC): between 23:00 and midnight UTC the town is
// already on the next day.
const townZone = 'Europe/Paris';

/** The town's day `offset` days from today, as { year, month, day }. */
function townDay(offset: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: townZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((part) => [part.type, part.value]),
  );
  const date = new Date(Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']) + offset));
  return { year: date.getUTCFullYear(), month: String(date.getUTCMonth() + 1).padStart(2, '0'), day: String(date.getUTCDate()).padStart(2, '0') };
}

/** As the datepicker shows it: dd/MM/yyyy. */
export function frenchDay(offset = 0) {
  const { year, month, day } = townDay(offset);
  return `${day}/${month}/${year}`;
}

/** As the API writes it: yyyy-MM-dd. */
export function isoDay(offset = 0) {
  const { year, month, day } = townDay(offset);
  return `${year}-${month}-${day}`;
}

/** The town's current year. */
export function townYear() {
  return townDay(0).year;
}
