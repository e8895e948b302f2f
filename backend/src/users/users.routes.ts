import { z } from 'zod';
import type { Api } from '../http/api';
import { Person } from '../common/fields.schema';
import { listOwners } from '../partners/partners.service';
import { readers } from '../partners/partners.routes';

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
}
