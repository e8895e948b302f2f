import { listHistory } from '../audit/history.service';
import { HistoryPage, IdParams, MergeRequest } from '../common/fields.schema';
import type { Api } from '../http/api';
import { PageQuery } from '../http/pagination.schema';
import { readers, writers } from '../partners/partners.routes';
import { ContactCreate, ContactListQuery, ContactPage, ContactUpdate, ContactView } from './contacts.schema';
import { createContact, deleteContact, getContact, listContacts, mergeContacts, restoreContact, updateContact } from './contacts.service';

export function contactsRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/contacts',
    summary: 'Contacts, filtered by partner, role, language or country, one page at a time (keyset pagination)',
    tags: ['contacts'],
    access: readers,
    query: ContactListQuery,
    response: ContactPage,
    handler: ({ query }) => listContacts(query),
  });

  api.route({
    method: 'post',
    path: '/contacts',
    summary: 'Creates a contact; 409 probable_duplicate with `candidates` (same e-mail, or same name at the same partner) unless `confirmDuplicate`',
    tags: ['contacts'],
    access: writers,
    body: ContactCreate,
    response: ContactView,
    status: 201,
    errors: [409],
    handler: ({ body, user }) => createContact(body, user),
  });

  api.route({
    method: 'get',
    path: '/contacts/:id',
    summary: 'A contact with its affiliations (a deleted one too, with `deletedAt`)',
    tags: ['contacts'],
    access: readers,
    params: IdParams,
    response: ContactView,
    errors: [404],
    handler: ({ params }) => getContact(params.id),
  });

  api.route({
    method: 'patch',
    path: '/contacts/:id',
    summary: 'Changes a contact (`affiliations`, when given, replace the list); a stale `version` gets 409 version_conflict',
    tags: ['contacts'],
    access: writers,
    params: IdParams,
    body: ContactUpdate,
    response: ContactView,
    errors: [404, 409],
    handler: ({ params, body, user }) => updateContact(params.id, body, user),
  });

  api.route({
    method: 'delete',
    path: '/contacts/:id',
    summary: 'Moves a contact to the trash (soft delete)',
    tags: ['contacts'],
    access: writers,
    params: IdParams,
    errors: [404],
    handler: ({ params, user }) => deleteContact(params.id, user),
  });

  api.route({
    method: 'post',
    path: '/contacts/:id/restore',
    summary: 'Brings a deleted contact back',
    tags: ['contacts'],
    access: writers,
    params: IdParams,
    response: ContactView,
    errors: [404],
    handler: ({ params, user }) => restoreContact(params.id, user),
  });

  api.route({
    method: 'get',
    path: '/contacts/:id/history',
    summary: 'What changed on a contact, who changed it and when, newest first',
    tags: ['contacts'],
    access: readers,
    params: IdParams,
    query: PageQuery,
    response: HistoryPage,
    errors: [404],
    handler: async ({ params, query }) => {
      await getContact(params.id);
      return listHistory('contact', params.id, query);
    },
  });

  api.route({
    method: 'post',
    path: '/contacts/:id/merge',
    summary: 'Merges contact `from` into this one: affiliations and addresses move here, `from` is deleted',
    tags: ['contacts'],
    access: writers,
    params: IdParams,
    body: MergeRequest,
    response: ContactView,
    errors: [404, 409],
    handler: ({ params, body, user }) => mergeContacts(params.id, body, user),
  });
}
