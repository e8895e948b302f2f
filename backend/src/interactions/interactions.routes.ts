import { IdParams } from '../common/fields.schema';
import type { Config } from '../config';
import { clockFor } from '../follow-ups/follow-ups.service';
import type { Api } from '../http/api';
import type { Role } from '../users/users.schema';
import { InteractionCreate, InteractionListQuery, InteractionPage, InteractionUpdate, InteractionView, TimelinePage, TimelineQuery } from './interactions.schema';
import { createInteraction, deleteInteraction, getInteraction, listInteractions, restoreInteraction, updateInteraction } from './interactions.service';
import { timeline } from './timeline.service';

/** The town's staff reads and logs interactions; the mayor's office logs what it did too. Associations see none. */
export const interactionRoles: readonly Role[] = ['admin', 'officer', 'cabinet'];

export function interactionsRoutes(api: Api, { config }: { config: Config }) {
  const clock = () => clockFor(config.timeZone);

  api.route({
    method: 'get',
    path: '/interactions',
    summary: 'Interactions, newest first, filtered by partner, contact, type, objective, participant, period and text (keyset pagination)',
    description: 'Repeat a filter to allow several values. `participant=me` is the signed-in user. `deleted=true` lists the trash.',
    tags: ['interactions'],
    access: interactionRoles,
    query: InteractionListQuery,
    response: InteractionPage,
    handler: ({ query, user }) => listInteractions(query, user, clock()),
  });

  api.route({
    method: 'post',
    path: '/interactions',
    summary: 'Logs an interaction with its follow-ups, in one transaction (the quick log)',
    tags: ['interactions'],
    access: interactionRoles,
    body: InteractionCreate,
    response: InteractionView,
    status: 201,
    handler: ({ body, user }) => createInteraction(body, user, clock()),
  });

  api.route({
    method: 'get',
    path: '/interactions/:id',
    summary: 'An interaction with its follow-ups (a deleted one too, with `deletedAt`)',
    tags: ['interactions'],
    access: interactionRoles,
    params: IdParams,
    response: InteractionView,
    errors: [404],
    handler: ({ params }) => getInteraction(params.id, clock()),
  });

  api.route({
    method: 'patch',
    path: '/interactions/:id',
    summary: 'Changes an interaction; a stale `version` gets 409 version_conflict with the `current` record',
    tags: ['interactions'],
    access: interactionRoles,
    params: IdParams,
    body: InteractionUpdate,
    response: InteractionView,
    errors: [404, 409],
    handler: ({ params, body, user }) => updateInteraction(params.id, body, user, clock()),
  });

  api.route({
    method: 'delete',
    path: '/interactions/:id',
    summary: 'Moves an interaction to the trash (soft delete)',
    tags: ['interactions'],
    access: interactionRoles,
    params: IdParams,
    errors: [404],
    handler: ({ params, user }) => deleteInteraction(params.id, user),
  });

  api.route({
    method: 'post',
    path: '/interactions/:id/restore',
    summary: 'Brings a deleted interaction back',
    tags: ['interactions'],
    access: interactionRoles,
    params: IdParams,
    response: InteractionView,
    errors: [404],
    handler: ({ params, user }) => restoreInteraction(params.id, user, clock()),
  });

  api.route({
    method: 'get',
    path: '/partners/:id/timeline',
    summary: 'A partner’s interactions, follow-ups and record changes, newest first',
    description: '`kind` (repeatable): interaction, follow_up, change. `type` (repeatable): interaction types.',
    tags: ['interactions'],
    access: interactionRoles,
    params: IdParams,
    query: TimelineQuery,
    response: TimelinePage,
    errors: [404],
    handler: ({ params, query }) => timeline({ entityType: 'partner', id: params.id }, query, clock()),
  });

  api.route({
    method: 'get',
    path: '/contacts/:id/timeline',
    summary: 'A contact’s interactions, follow-ups and record changes, newest first',
    description: '`kind` (repeatable): interaction, follow_up, change. `type` (repeatable): interaction types.',
    tags: ['interactions'],
    access: interactionRoles,
    params: IdParams,
    query: TimelineQuery,
    response: TimelinePage,
    errors: [404],
    handler: ({ params, query }) => timeline({ entityType: 'contact', id: params.id }, query, clock()),
  });
}
