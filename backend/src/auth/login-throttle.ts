import { RateLimiterMySQL, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Sequelize } from 'sequelize';
import type { DatabaseTarget } from '../config';
import { problems } from '../http/problem';

type Limits = { points: number; duration: number; blockDuration: number };

/** Failed sign-ins allowed before a pause, per account from one address, per account, and per address. */
const limits = {
  accountAndAddress: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  account: { points: 20, duration: 60 * 60, blockDuration: 30 * 60 },
  address: { points: 100, duration: 60 * 60, blockDuration: 60 * 60 },
} satisfies Record<string, Limits>;

/**
 * Login throttling shared by every app process: the counters live in the `rate_limits` table
 * (created by a migration) through rate-limiter-flexible.
 */
export class LoginThrottle {
  private constructor(private readonly limiters: Record<keyof typeof limits, RateLimiterAbstract>) {}

  static async create(sequelize: Sequelize, target: DatabaseTarget) {
    const make = async (keyPrefix: string, options: Limits): Promise<RateLimiterAbstract> => {
      const common = { ...options, keyPrefix, tableName: 'rate_limits', tableCreated: true };
      if (target.dialect === 'mysql') {
        return new RateLimiterMySQL({ ...common, storeClient: sequelize, storeType: 'sequelize', dbName: target.database });
      }
      const connection = await (sequelize.connectionManager as unknown as { getConnection(): Promise<object> }).getConnection();
      return new RateLimiterSQLite({ ...common, storeClient: connection, storeType: 'sqlite3' });
    };
    return new LoginThrottle({
      accountAndAddress: await make('login_account_address', limits.accountAndAddress),
      account: await make('login_account', limits.account),
      address: await make('login_address', limits.address),
    });
  }

  private keys(email: string, address: string) {
    const account = email.trim().toLowerCase();
    return { accountAndAddress: `${account}|${address}`, account, address };
  }

  /** Throws a 429 problem with Retry-After when any of the three counters is exhausted. */
  async check(email: string, address: string) {
    const keys = this.keys(email, address);
    let waitMs = 0;
    for (const name of Object.keys(limits) as (keyof typeof limits)[]) {
      const state = await this.limiters[name].get(keys[name]);
      if (state && state.consumedPoints >= limits[name].points) waitMs = Math.max(waitMs, state.msBeforeNext);
    }
    if (waitMs > 0) throw tooMany(waitMs);
  }

  async recordFailure(email: string, address: string) {
    const keys = this.keys(email, address);
    for (const name of Object.keys(limits) as (keyof typeof limits)[]) {
      await this.limiters[name].consume(keys[name]).catch((result: unknown) => {
        if (!(result instanceof RateLimiterRes)) throw result;
      });
    }
  }

  async recordSuccess(email: string, address: string) {
    await this.limiters.accountAndAddress.delete(this.keys(email, address).accountAndAddress);
  }
}

function tooMany(waitMs: number) {
  const minutes = Math.ceil(waitMs / 60_000);
  return problems.tooManyRequests(
    waitMs / 1000,
    `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  );
}
