import { DatabaseSessionStore } from '../auth/session-store';
import type { Config } from '../config';
import type { Mailer } from '../mail/mailer';
import { sendFollowUpDigests } from '../follow-ups/follow-up-digest';
import type { JobDefinition } from './job-scheduler';
import { dailyAt } from './schedule';

export type JobContext = { config: Config; mailer: Mailer };

/** Every background job of the app. Each feature adds its own here. */
export function backgroundJobs({ config, mailer }: JobContext): JobDefinition[] {
  return [
    {
      name: 'sessions-cleanup',
      nextRunAt: (after) => new Date(after.getTime() + 60 * 60_000),
      run: () => DatabaseSessionStore.clearExpired(),
    },
    {
      // Each assignee's follow-ups due today or overdue, at 7:00 in the town.
      name: 'follow-up-digest',
      nextRunAt: dailyAt(7, 0, config.timeZone),
      run: async (now) => void (await sendFollowUpDigests(now, { mailer, timeZone: config.timeZone, publicUrl: config.publicUrl })),
    },
  ];
}
