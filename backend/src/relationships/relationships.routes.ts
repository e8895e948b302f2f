import { IdParams } from '../common/fields.schema';
import type { Api } from '../http/api';
import { readers, writers } from '../partners/partners.routes';
import { RelationshipCreate, RelationshipList, RelationshipListQuery, RelationshipView } from './relationships.schema';
import { createRelationship, deleteRelationship, listRelationships } from './relationships.service';

export function relationshipsRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/relationships',
    summary: 'The links of a partner, both ways (it is the source or the target)',
    tags: ['relationships'],
    access: readers,
    query: RelationshipListQuery,
    response: RelationshipList,
    handler: async ({ query }) => ({ items: await listRelationships(query.partner) }),
  });

  api.route({
    method: 'post',
    path: '/relationships',
    summary: 'Links two partners: "source type target" (the IUT part_of Université Paris-Saclay)',
    tags: ['relationships'],
    access: writers,
    body: RelationshipCreate,
    response: RelationshipView,
    status: 201,
    errors: [409],
    handler: async ({ body, user }) => createRelationship(body, user),
  });

  api.route({
    method: 'delete',
    path: '/relationships/:id',
    summary: 'Removes a link',
    tags: ['relationships'],
    access: writers,
    params: IdParams,
    errors: [404],
    handler: async ({ params, user }) => deleteRelationship(params.id, user),
  });
}
