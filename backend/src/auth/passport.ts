import type { Request } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { activeOrNull, findActiveUser, verifyCredentials } from '../users/users.service';
import type { CurrentUser } from '../users/users.schema';
import { userReadWithSession } from './session-store';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // What passport puts on req.user once the session is restored.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends CurrentUser {}
  }
}

/** passport-local checks the e-mail and password; the session keeps only the user's id. */
export function configurePassport() {
  passport.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: true }, (email, password, done) => {
      verifyCredentials(email, password)
        .then((user) => done(null, user ? user.toCurrentUser() : false))
        .catch(done);
    }),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  passport.deserializeUser((req: Request, id: unknown, done: (error: unknown, user?: Express.User | false) => void) => {
    if (typeof id !== 'number') return done(null, false);
    // The session store read the user in the same query as the session; read it here only if not.
    const read = userReadWithSession(req);
    const found = read?.id === id ? Promise.resolve(activeOrNull(read)) : findActiveUser(id);
    found.then((user) => done(null, user ? user.toCurrentUser() : false)).catch(done);
  });
  return passport;
}
