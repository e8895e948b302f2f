import { z } from 'zod';
import { disableTwoFactor } from '../auth/two-factor';
import { Person } from '../common/fields.schema';
import { listOwners } from '../partners/partners.service';
import { readers } from '../partners/partners.routes';
import { DatabaseSessionStore } from '../auth/session-store';
import type { Api } from '../http/api';
import { problems } from '../http/problem';
import { User } from './user.model';
import { CreatedUserAccount, GeneratedPassword, NewUserAccount, UserAccount, UserAccountList, UserAccountUpdate, UserId } from './users.schema';
import { createUser, listUserAccounts, resetUserPassword, toUserAccount, updateUserAccount } from './users.service';

/** Account administration ("Comptes") for administrators, and the list of possible partner referents. */
export function usersRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/users/owners',
    summary: 'The officers and administrators who can be a partner’s referent',
    tags: ['users'],
    access: readers,
    response: z.object({ items: z.array(Person) }).meta({ id: 'OwnerList' }),
    handler: async () => ({ items: await listOwners() }),
  });

  api.route({
    method: 'get',
    path: '/users',
    summary: 'Every account, by name (a town’s staff: no paging)',
    tags: ['users'],
    access: ['admin'],
    response: UserAccountList,
    handler: async () => ({ items: await listUserAccounts() }),
  });

  api.route({
    method: 'post',
    path: '/users',
    summary: 'Create an account with a generated password, answered once',
    tags: ['users'],
    access: ['admin'],
    body: NewUserAccount,
    response: CreatedUserAccount,
    status: 201,
    errors: [409],
    handler: async ({ body, user }) => {
      const created = await createUser(
        { email: body.email, displayName: body.displayName, role: body.role, partnerId: body.partnerId ?? null },
        { actorUserId: user.id },
      );
      return { user: toUserAccount(created.user), password: created.generatedPassword! };
    },
  });

  api.route({
    method: 'patch',
    path: '/users/:id',
    summary: 'Change an account’s name, role or partner, or (de)activate it; deactivation and a new role end its sessions',
    tags: ['users'],
    access: ['admin'],
    params: UserId,
    body: UserAccountUpdate,
    response: UserAccount,
    errors: [404, 409],
    handler: ({ params, body, user }) => updateUserAccount(params.id, body, user.id),
  });

  api.route({
    method: 'post',
    path: '/users/:id/password-reset',
    summary: 'Give an account a new generated password, answered once; its sessions end',
    tags: ['users'],
    access: ['admin'],
    params: UserId,
    response: GeneratedPassword,
    errors: [404, 409],
    handler: async ({ params, user }) => {
      refuseOwnAccount(params.id, user.id);
      return { password: await resetUserPassword(params.id, user.id) };
    },
  });

  api.route({
    method: 'delete',
    path: '/users/:id/two-factor',
    summary: 'Turn off an account’s two-factor sign-in (lost phone and recovery codes); its sessions end',
    tags: ['users'],
    access: ['admin'],
    params: UserId,
    errors: [404, 409],
    handler: async ({ params, user }) => {
      refuseOwnAccount(params.id, user.id);
      if (!(await User.findByPk(params.id))) throw problems.notFound();
      await disableTwoFactor(params.id, user.id);
      await DatabaseSessionStore.destroyAllForUser(params.id);
    },
  });
}

/** One's own password and second factor are changed from "Mon compte", where the current password is asked. */
function refuseOwnAccount(id: number, actorUserId: number) {
  if (id === actorUserId) {
    throw problems.conflict('own_account', 'Pour votre propre compte, passez par « Mon compte », qui demande votre mot de passe actuel.');
  }
}
