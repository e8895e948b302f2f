import type { FollowUpView } from '@api/follow-ups/follow-ups.schema';
import { endOfWeek, groupFollowUps, localToday } from './follow-up-groups';

export function followUp(id: number, dueOn: string, overrides: Partial<FollowUpView> = {}): FollowUpView {
  return {
    id,
    title: `Suivi ${id}`,
    notes: null,
    dueOn,
    status: 'open',
    assignee: { id: 7, displayName: 'Claire Martin' },
    interaction: null,
    partner: { id: 12, name: 'Brühl' },
    contact: null,
    overdue: false,
    dueBeforeInteraction: false,
    completedAt: null,
    createdBy: null,
    version: 0,
    createdAt: new Date('2026-11-01T10:00:00Z'),
    updatedAt: new Date('2026-11-01T10:00:00Z'),
    deletedAt: null,
    ...overrides,
  };
}

describe('groupFollowUps ("Mes suivis")', () => {
  // Wednesday 25 November 2026: the week ends on Sunday 29.
  const today = '2026-11-25';

  it('sorts into overdue, today, this week (to Sunday) and later, oldest due first, leaving out empty groups', () => {
    const groups = groupFollowUps(
      [
        followUp(1, '2026-12-01'),
        followUp(2, '2026-11-29'),
        followUp(3, '2026-11-25'),
        followUp(4, '2026-11-20'),
        followUp(5, '2026-11-24'),
        followUp(6, '2026-11-30'),
        followUp(7, '2026-11-26'),
      ],
      today,
    );
    expect(groups.map((group) => [group.key, group.label, group.items.map((item) => item.id)])).toEqual([
      ['overdue', 'En retard', [4, 5]],
      ['today', 'Aujourd’hui', [3]],
      ['week', 'Cette semaine', [7, 2]],
      ['later', 'Plus tard', [6, 1]],
    ]);
  });

  it('has no "this week" group on a Sunday, and none at all without follow-ups', () => {
    expect(groupFollowUps([followUp(1, '2026-11-29'), followUp(2, '2026-11-30')], '2026-11-29').map((group) => group.key)).toEqual(['today', 'later']);
    expect(groupFollowUps([], today)).toEqual([]);
  });

  it('ends the week on Sunday, the French way', () => {
    expect(endOfWeek('2026-11-23')).toBe('2026-11-29'); // Monday
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29'); // Sunday
    expect(endOfWeek('2026-12-31')).toBe('2027-01-03'); // across the year
  });

  it('reckons today in the browser’s time zone', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
