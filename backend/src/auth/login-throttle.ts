import { RateLimiterMySQL, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Sequelize } from 'sequelize';
import sqlite3 from 'sqlite3';
import type { DatabaseTarget } from '../config';
import { problems } from '../http/problem';

export type ThrottleLimits = { points: number; duration: number; blockDuration: number };

/**
 * Failed attempts allowed before a pause:
 * - per account from one address: 5 in 15 minutes, then 15 minutes' pause (a user who mistypes);
 * - per account from anywhere: 20 in an hour, then 30 minutes (a spread-out guessing attack; the price
 *   is that an attacker can lock an account for half an hour, which the per-address limit bounds);
 * - per address: 100 in an hour, then an hour (one machine trying many accounts; generous enough for
 *   the town hall's shared address);
 * - second factor (TOTP or recovery code) per account: 5 in 15 minutes, then 15 minutes, which keeps
 *   the odds of guessing a 6-digit code below 1 in 20,000 a day.
 * Successful attempts do not count.
 */
export const defaultThrottleLimits = {
  accountAndAddress: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  account: { points: 20, duration: 60 * 60, blockDuration: 30 * 60 },
  address: { points: 100, duration: 60 * 60, blockDuration: 60 * 60 },
  secondFactor: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
} satisfies Record<string, ThrottleLimits>;

type LimiterName = keyof typeof defaultThrottleLimits;
/** Narrowest first: an attempt refused by one counter is not counted by the next ones. */
const passwordLimiters = ['address', 'accountAndAddress', 'account'] as const satisfies readonly LimiterName[];

/**
 * Sign-in throttling shared by every app process: the counters live in the `rate_limits` table
 * (created by a migration) through rate-limiter-flexible. An attempt takes its point before the
 * password is checked, atomically in the database, so that parallel attempts cannot slip past the
 * limit; a successful attempt gives its points back.
 */
export class LoginThrottle {
  private constructor(
    private readonly limiters: Record<LimiterName, RateLimiterAbstract>,
    private readonly sqliteConnection?: sqlite3.Database,
  ) {}

  static async create(sequelize: Sequelize, target: DatabaseTarget, limits: Partial<typeof defaultThrottleLimits> = {}) {
    // On SQLite the counters get a connection of their own, outside Sequelize's retries and transactions.
    const connection = target.dialect === 'sqlite' ? await openSqlite(target.storage) : undefined;
    const make = async (keyPrefix: string, options: ThrottleLimits): Promise<RateLimiterAbstract> => {
      const common = { ...options, keyPrefix, tableName: 'rate_limits', tableCreated: true };
      if (target.dialect === 'mysql') {
        return new RateLimiterMySQL({ ...common, storeClient: sequelize, storeType: 'sequelize', dbName: target.database });
      }
      return new SingleStatementSqliteLimiter({ ...common, storeClient: connection, storeType: 'sqlite3' });
    };
    const chosen = { ...defaultThrottleLimits, ...limits };
    return new LoginThrottle({
      accountAndAddress: await make('login_account_address', chosen.accountAndAddress),
      account: await make('login_account', chosen.account),
      address: await make('login_address', chosen.address),
      secondFactor: await make('login_second_factor', chosen.secondFactor),
    }, connection);
  }

  /** Closes the SQLite connection of the counters, if any. */
  async close() {
    await new Promise<void>((resolve) => (this.sqliteConnection ? this.sqliteConnection.close(() => resolve()) : resolve()));
  }

  private keys(email: string, address: string) {
    const account = email.trim().toLowerCase();
    return { accountAndAddress: `${account}|${address}`, account, address };
  }

  /** Takes one attempt from each password counter; throws a 429 problem with Retry-After when one is exhausted. */
  async beginPasswordAttempt(email: string, address: string) {
    const keys = this.keys(email, address);
    await this.consume(passwordLimiters.map((name) => [name, keys[name]] as const), 'Trop de tentatives de connexion.');
  }

  /** A right password: the attempt is given back, and the account's counter from this address starts again. */
  async passwordSucceeded(email: string, address: string) {
    const keys = this.keys(email, address);
    await this.limiters.accountAndAddress.delete(keys.accountAndAddress);
    await this.limiters.account.reward(keys.account, 1);
    await this.limiters.address.reward(keys.address, 1);
  }

  async beginSecondFactorAttempt(userId: number) {
    await this.consume([['secondFactor', `user:${userId}`]], 'Trop de codes refusés.');
  }

  async secondFactorSucceeded(userId: number) {
    await this.limiters.secondFactor.delete(`user:${userId}`);
  }

  private async consume(counters: readonly (readonly [LimiterName, string])[], what: string) {
    for (const [name, key] of counters) {
      try {
        await this.limiters[name].consume(key);
      } catch (result: unknown) {
        if (!(result instanceof RateLimiterRes)) {
          // Never leave the counters' connection inside a half-done transaction.
          await new Promise<void>((resolve) => (this.sqliteConnection ? this.sqliteConnection.run('ROLLBACK', () => resolve()) : resolve()));
          throw result;
        }
        throw tooMany(result.msBeforeNext, what);
      }
    }
  }
}

function tooMany(waitMs: number, what: string) {
  const minutes = Math.ceil(waitMs / 60_000);
  return problems.tooManyRequests(waitMs / 1000, `${what} Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`);
}

/** A connection to the SQLite file for the counters alone, waiting for the write lock like Sequelize's. */
function openSqlite(storage: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const connection = new sqlite3.Database(storage, (error) => {
      if (error) return reject(error);
      connection.configure('busyTimeout', 10_000);
      resolve(connection);
    });
  });
}

/**
 * rate-limiter-flexible wraps each SQLite update in SAVEPOINT … RELEASE, issued from callbacks: the file's
 * write lock is then held while the release waits for a free libuv thread, and writers busy-waiting on
 * that lock can take every thread (argon2 uses them too) — a deadlock until the busy timeout. Its
 * update is a single INSERT … ON CONFLICT … RETURNING statement, atomic on its own: run it as such.
 */
class SingleStatementSqliteLimiter extends RateLimiterSQLite {
  async _upsertTransactionSQLite3(connection: sqlite3.Database, query: string, params: unknown[]) {
    return new Promise((resolve, reject) => connection.get(query, params, (error, row) => (error ? reject(error) : resolve(row))));
  }
}
