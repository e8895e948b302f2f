import type { Request } from 'express';
import { Store, type SessionData } from 'express-session';
import { Op } from 'sequelize';
import { User } from '../users/user.model';
import { Session } from './session.model';

type Callback<T = void> = (error?: unknown, value?: T) => void;

/** How much an idle session's expiry may lag before touching it costs a write. */
const touchGranularityMs = 60_000;

/** The user row read with a session (null: none signed in, or the account is gone), until the request has it. */
const usersReadWith = new WeakMap<SessionData, User | null>();
const usersOfRequests = new WeakMap<Request, User | null>();

/**
 * The user row read in the same query as this request's session: `undefined` if the session was not
 * read from the store (no cookie, or created by this request). Spares passport a second query per request
 * while staying as fresh as one: both come from the database at every request.
 */
export function userReadWithSession(req: Request): User | null | undefined {
  return usersOfRequests.get(req);
}

/**
 * express-session store on the `sessions` table, so that every app process sees the same sessions.
 * Written here rather than taken from connect-session-sequelize because that store returns expired
 * sessions until its sweeper runs, and we need the user's id on the row to end all their sessions.
 */
export class DatabaseSessionStore extends Store {
  /** When this process last moved a session's expiry: the same rule as the UPDATE's, without the write. */
  private readonly lastTouched = new Map<string, number>();

  constructor(private readonly idleMs: number) {
    super();
  }

  override get(sid: string, callback: Callback<SessionData | null>) {
    Session.findByPk(sid, { include: [{ model: User, as: 'user', required: false }] })
      .then((row) => {
        if (!row || (row.expires && row.expires.getTime() <= Date.now())) return callback(undefined, null);
        const data = JSON.parse(row.data) as SessionData;
        usersReadWith.set(data, row.user ?? null);
        callback(undefined, data);
      })
      .catch(callback);
  }

  /** express-session turns what `get` answered into the request's session: hand the user row on to the request. */
  override createSession(req: Request, data: SessionData) {
    const user = usersReadWith.get(data);
    if (user !== undefined) usersOfRequests.set(req, user);
    return super.createSession(req, data);
  }

  override set(sid: string, data: SessionData, callback?: Callback) {
    Session.upsert({ sid, data: JSON.stringify(data), expires: this.expiry(data), userId: userIdOf(data) })
      .then(() => callback?.())
      .catch((error) => callback?.(error));
  }

  override touch(sid: string, data: SessionData, callback?: Callback) {
    const now = Date.now();
    // Every request touches its session (rolling cookie); most need no write at all.
    if (now - (this.lastTouched.get(sid) ?? 0) < touchGranularityMs) return callback?.();
    if (this.lastTouched.size > 50_000) this.lastTouched.clear();
    this.lastTouched.set(sid, now);
    const expires = this.expiry(data);
    Session.update({ expires }, { where: { sid, expires: { [Op.lt]: new Date(expires.getTime() - touchGranularityMs) } } })
      .then(() => callback?.())
      .catch((error) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback) {
    Session.destroy({ where: { sid } })
      .then(() => callback?.())
      .catch((error) => callback?.(error));
  }

  /** Ends every session of a user (logout, deactivation, password change), but `exceptSid` if given. */
  static async destroyAllForUser(userId: number, exceptSid?: string) {
    await Session.destroy({ where: { userId, ...(exceptSid ? { sid: { [Op.ne]: exceptSid } } : {}) } });
  }

  static async clearExpired() {
    await Session.destroy({ where: { expires: { [Op.lt]: new Date() } } });
  }

  private expiry(data: SessionData) {
    return data.cookie?.expires ? new Date(data.cookie.expires) : new Date(Date.now() + this.idleMs);
  }
}

function userIdOf(data: SessionData): number | null {
  const user = (data as { passport?: { user?: unknown } }).passport?.user;
  return typeof user === 'number' ? user : null;
}
