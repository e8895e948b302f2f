import { DatabaseSessionStore } from '../auth/session-store';
import type { Config } from '../config';
import type { Mailer } from '../mail/mailer';
import type { JobDefinition } from './job-scheduler';

export type JobContext = { config: Config; mailer: Mailer };

/** Every background job of the app. Each feature adds its own here. */
export function backgroundJobs(_context: JobContext): JobDefinition[] {
  return [
    {
      name: 'sessions-cleanup',
      nextRunAt: (after) => new Date(after.getTime() + 60 * 60_000),
      run: () => DatabaseSessionStore.clearExpired(),
    },
  ];
}
