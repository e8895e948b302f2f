import type { FollowUpView } from '@api/follow-ups/follow-ups.schema';

export type FollowUpGroupKey = 'overdue' | 'today' | 'week' | 'later';
export type FollowUpGroup = { key: FollowUpGroupKey; label: string; items: FollowUpView[] };

const labels: Record<FollowUpGroupKey, string> = { overdue: 'En retard', today: 'Aujourd’hui', week: 'Cette semaine', later: 'Plus tard' };

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Sunday closing the week (Monday to Sunday, the French week) of a day. */
export function endOfWeek(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? 0 : 7 - weekday);
}

/**
 * "Mes suivis": overdue (due before today), today, the rest of this week (to Sunday), later; each
 * group by due date. Empty groups are left out.
 */
export function groupFollowUps(items: readonly FollowUpView[], today: string): FollowUpGroup[] {
  const sunday = endOfWeek(today);
  const keyOf = (item: FollowUpView): FollowUpGroupKey =>
    item.dueOn < today ? 'overdue' : item.dueOn === today ? 'today' : item.dueOn <= sunday ? 'week' : 'later';
  const order: FollowUpGroupKey[] = ['overdue', 'today', 'week', 'later'];
  const sorted = [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
  return order
    .map((key) => ({ key, label: labels[key], items: sorted.filter((item) => keyOf(item) === key) }))
    .filter((group) => group.items.length > 0);
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
