import { z } from 'zod';
import { listHistory } from '../audit/history.service';
import { countryList } from '../common/countries';
import { HistoryPage, IdParams, MergeRequest } from '../common/fields.schema';
import type { Api } from '../http/api';
import { PageQuery } from '../http/pagination.schema';
import type { Role } from '../users/users.schema';
import { PartnerCreate, PartnerListQuery, PartnerPage, PartnerUpdate, PartnerView } from './partners.schema';
import { createPartner, deletePartner, getPartner, listPartners, mergePartners, restorePartner, updatePartner } from './partners.service';

/** Officers and administrators keep the records; the mayor's office reads them; associations see none. */
export const writers: readonly Role[] = ['admin', 'officer'];
export const readers: readonly Role[] = ['admin', 'officer', 'cabinet'];

const CountryList = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string() })) })
  .meta({ id: 'CountryList' });

export function partnersRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/countries',
    summary: 'The ISO 3166-1 countries with their French names, for the forms and filters',
    tags: ['partners'],
    access: 'authenticated',
    response: CountryList,
    handler: () => ({ items: countryList() }),
  });

  api.route({
    method: 'get',
    path: '/partners',
    summary: 'Partners, filtered and sorted, one page at a time (keyset pagination)',
    description: 'Repeat a filter to allow several values (`?kind=network&kind=label`). `deleted=true` lists the trash.',
    tags: ['partners'],
    access: readers,
    query: PartnerListQuery,
    response: PartnerPage,
    handler: ({ query }) => listPartners(query),
  });

  api.route({
    method: 'post',
    path: '/partners',
    summary: 'Creates a partner; 409 probable_duplicate with `candidates` unless `confirmDuplicate` is true',
    tags: ['partners'],
    access: writers,
    body: PartnerCreate,
    response: PartnerView,
    status: 201,
    errors: [409],
    handler: ({ body, user }) => createPartner(body, user),
  });

  api.route({
    method: 'get',
    path: '/partners/:id',
    summary: 'A partner (a deleted one too, with `deletedAt`)',
    tags: ['partners'],
    access: readers,
    params: IdParams,
    response: PartnerView,
    errors: [404],
    handler: ({ params }) => getPartner(params.id),
  });

  api.route({
    method: 'patch',
    path: '/partners/:id',
    summary: 'Changes a partner; a stale `version` gets 409 version_conflict with the `current` record',
    tags: ['partners'],
    access: writers,
    params: IdParams,
    body: PartnerUpdate,
    response: PartnerView,
    errors: [404, 409],
    handler: ({ params, body, user }) => updatePartner(params.id, body, user),
  });

  api.route({
    method: 'delete',
    path: '/partners/:id',
    summary: 'Moves a partner to the trash (soft delete)',
    tags: ['partners'],
    access: writers,
    params: IdParams,
    errors: [404],
    handler: ({ params, user }) => deletePartner(params.id, user),
  });

  api.route({
    method: 'post',
    path: '/partners/:id/restore',
    summary: 'Brings a deleted partner back',
    tags: ['partners'],
    access: writers,
    params: IdParams,
    response: PartnerView,
    errors: [404],
    handler: ({ params, user }) => restorePartner(params.id, user),
  });

  api.route({
    method: 'get',
    path: '/partners/:id/history',
    summary: 'What changed on a partner, who changed it and when, newest first',
    tags: ['partners'],
    access: readers,
    params: IdParams,
    query: PageQuery,
    response: HistoryPage,
    errors: [404],
    handler: async ({ params, query }) => {
      await getPartner(params.id);
      return listHistory('partner', params.id, query);
    },
  });

  api.route({
    method: 'post',
    path: '/partners/:id/merge',
    summary: 'Merges partner `from` into this one: every link moves here, `from` is deleted',
    tags: ['partners'],
    access: writers,
    params: IdParams,
    body: MergeRequest,
    response: PartnerView,
    errors: [404, 409],
    handler: ({ params, body, user }) => mergePartners(params.id, body, user),
  });
}
