/** The UTC instant of a wall-clock time in a time zone (DST-aware). */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wanted - offsetMs(new Date(wanted), timeZone);
  // Across a DST change the offset at the result may differ from the first guess.
  instant = wanted - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The calendar date (year, month, day) of an instant in a time zone. */
export function zonedDate(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function offsetMs(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** A daily schedule: the next occurrence of hour:minute in the time zone strictly after `after`. */
export function dailyAt(hour: number, minute: number, timeZone: string) {
  return (after: Date): Date => {
    const today = zonedDate(after, timeZone);
    const candidate = zonedTime(today.year, today.month, today.day, hour, minute, timeZone);
    if (candidate > after) return candidate;
    const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
    return zonedTime(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), hour, minute, timeZone);
  };
}
