import { Job } from './job.model';
import { JobScheduler, type JobDefinition } from './job-scheduler';
import { dailyAt } from './schedule';

describe('the job scheduler', () => {
  let counter = 0;
  const uniqueName = () => `test-job-${Date.now()}-${(counter += 1)}`;
  const hourly = (after: Date) => new Date(after.getTime() + 3_600_000);

  it('runs a due job once even when two processes look for it at the same moment', async () => {
    const runs: string[] = [];
    const name = uniqueName();
    const definition = (who: string): JobDefinition => ({
      name,
      nextRunAt: hourly,
      run: async () => {
        runs.push(who);
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    const first = new JobScheduler([definition('first')]);
    const second = new JobScheduler([definition('second')]);
    const start = new Date();
    await first.register(new Date(start.getTime() - 2 * 3_600_000));
    await second.register(start);

    const [ranFirst, ranSecond] = await Promise.all([first.runDue(start), second.runDue(start)]);
    expect(runs.length).toBe(1);
    expect([...ranFirst, ...ranSecond]).toEqual([name]);

    const row = await Job.findByPk(name);
    expect(row!.lockedBy).toBeNull();
    expect(row!.runAt.getTime()).toBe(start.getTime() + 3_600_000);
    expect(await first.runDue(start)).toEqual([]);
  });

  it('does not run a job before it is due', async () => {
    let ran = false;
    const scheduler = new JobScheduler([{ name: uniqueName(), nextRunAt: hourly, run: async () => void (ran = true) }]);
    const now = new Date();
    await scheduler.register(now);
    expect(await scheduler.runDue(now)).toEqual([]);
    expect(ran).toBeFalse();
  });

  it('takes over a job whose lease has expired (a process died while running it)', async () => {
    const name = uniqueName();
    const now = new Date();
    await Job.create({ name, runAt: new Date(now.getTime() - 1000), lockedBy: 'dead-process', lockedUntil: new Date(now.getTime() - 1), lastStartedAt: null, lastFinishedAt: null, lastError: null });
    const runs: number[] = [];
    const scheduler = new JobScheduler([{ name, nextRunAt: hourly, run: async () => void runs.push(1) }]);
    expect(await scheduler.runDue(now)).toEqual([name]);
    expect(runs.length).toBe(1);
  });

  it('records a failure, releases the lease and retries later', async () => {
    const name = uniqueName();
    const errors: string[] = [];
    const scheduler = new JobScheduler(
      [{ name, nextRunAt: hourly, run: async () => Promise.reject(new Error('SMTP down')) }],
      (job) => errors.push(job),
    );
    const now = new Date();
    await scheduler.register(new Date(now.getTime() - 2 * 3_600_000));
    expect(await scheduler.runDue(now)).toEqual([]);
    const row = await Job.findByPk(name);
    expect(errors).toEqual([name]);
    expect(row!.lastError).toContain('SMTP down');
    expect(row!.lockedBy).toBeNull();
    expect(row!.runAt.getTime()).toBeGreaterThan(now.getTime());
  });
});

describe('dailyAt', () => {
  it('gives the next wall-clock time in the town’s time zone, across daylight saving changes', () => {
    const sevenInParis = dailyAt(7, 0, 'Europe/Paris');
    // Winter (UTC+1): 28 Nov 2026 06:30 UTC is 07:30 in Paris, so the next 07:00 is tomorrow 06:00 UTC.
    expect(sevenInParis(new Date('2026-11-28T06:30:00Z')).toISOString()).toBe('2026-11-29T06:00:00.000Z');
    expect(sevenInParis(new Date('2026-11-28T05:00:00Z')).toISOString()).toBe('2026-11-28T06:00:00.000Z');
    // Summer (UTC+2).
    expect(sevenInParis(new Date('2026-07-01T03:00:00Z')).toISOString()).toBe('2026-07-01T05:00:00.000Z');
    // The night of the spring change: 29 March 2026.
    expect(sevenInParis(new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });
});
