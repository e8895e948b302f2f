import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import { Job } from './job.model';

export type JobDefinition = {
  name: string;
  /** When to run next, after a run that started at `after` (and for the first run, after the first start). */
  nextRunAt: (after: Date) => Date;
  run: (now: Date) => Promise<void>;
  /** How long one run may hold the job before another process may take it over. Default 10 minutes. */
  leaseMs?: number;
};

const retryAfterFailureMs = 5 * 60_000;

/**
 * Runs background jobs in-process from the `jobs` table. A process runs a due job only after taking its
 * lease with one conditional UPDATE, so with several app processes each run happens once.
 */
export class JobScheduler {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly jobs: JobDefinition[],
    private readonly onError: (job: string, error: unknown) => void = () => {},
  ) {}

  /** Creates the rows of jobs that have none yet, first due at their next scheduled time. */
  async register(now = new Date()) {
    for (const job of this.jobs) {
      const existing = await Job.findByPk(job.name);
      if (!existing) {
        await Job.findOrCreate({
          where: { name: job.name },
          defaults: { name: job.name, runAt: job.nextRunAt(now), lockedBy: null, lockedUntil: null, lastStartedAt: null, lastFinishedAt: null, lastError: null },
        });
      }
    }
  }

  /** Runs every due job whose lease this process obtains; returns the names of the jobs it ran. */
  async runDue(now = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const [leased] = await Job.update(
        { lockedBy: this.owner, lockedUntil: new Date(now.getTime() + (job.leaseMs ?? 10 * 60_000)), lastStartedAt: now },
        { where: { name: job.name, runAt: { [Op.lte]: now }, [Op.or]: [{ lockedUntil: null }, { lockedUntil: { [Op.lt]: now } }] } },
      );
      if (leased !== 1) continue;
      try {
        await job.run(now);
        await Job.update(
          { runAt: job.nextRunAt(now), lockedBy: null, lockedUntil: null, lastFinishedAt: new Date(), lastError: null },
          { where: { name: job.name, lockedBy: this.owner } },
        );
        ran.push(job.name);
      } catch (error) {
        this.onError(job.name, error);
        await Job.update(
          { runAt: new Date(Date.now() + retryAfterFailureMs), lockedBy: null, lockedUntil: null, lastError: String((error as Error)?.message ?? error) },
          { where: { name: job.name, lockedBy: this.owner } },
        ).catch(() => {});
      }
    }
    return ran;
  }

  /** Looks for due jobs every `pollMs`; errors (an unreachable database) are reported and retried next time. */
  start(pollMs: number) {
    const tick = () => {
      this.running = this.register()
        .then(() => this.runDue())
        .catch((error: unknown) => this.onError('scheduler', error))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
