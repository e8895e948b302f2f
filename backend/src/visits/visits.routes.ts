import { listHistory } from '../audit/history.service';
import { BriefingPack } from '../briefing/briefing.schema';
import { briefingPdf } from '../briefing/briefing-pdf';
import { partnerBriefing, visitBriefing } from '../briefing/briefing.service';
import { HistoryPage, IdParams } from '../common/fields.schema';
import type { Api } from '../http/api';
import { PageQuery } from '../http/pagination.schema';
import { readers } from '../partners/partners.routes';
import type { Role } from '../users/users.schema';
import { VisitCreate, VisitListQuery, VisitPage, VisitUpdate, VisitView } from './visits.schema';
import { createVisit, deleteVisit, getVisit, listVisits, restoreVisit, updateVisit } from './visits.service';

/** The mayor's office prepares its own visits, with the officers. */
export const visitWriters: readonly Role[] = ['admin', 'officer', 'cabinet'];

/** A file name without accents or signs: "dossier-visite-bruhl-2026-05-12.pdf". */
function fileName(...parts: string[]) {
  return `${parts
    .join('-')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100)}.pdf`;
}

export function visitsRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/visits',
    summary: 'Visits (outgoing and incoming), filtered by direction, partner or objective, one page at a time',
    tags: ['visits'],
    access: readers,
    query: VisitListQuery,
    response: VisitPage,
    handler: ({ query }) => listVisits(query),
  });

  api.route({
    method: 'post',
    path: '/visits',
    summary: 'Creates a visit with its partners, objectives, delegation and programme',
    tags: ['visits'],
    access: visitWriters,
    body: VisitCreate,
    response: VisitView,
    status: 201,
    handler: ({ body, user }) => createVisit(body, user),
  });

  api.route({
    method: 'get',
    path: '/visits/:id',
    summary: 'A visit (a deleted one too, with `deletedAt`)',
    tags: ['visits'],
    access: readers,
    params: IdParams,
    response: VisitView,
    errors: [404],
    handler: ({ params }) => getVisit(params.id),
  });

  api.route({
    method: 'patch',
    path: '/visits/:id',
    summary: 'Changes a visit (lists, when given, replace the old ones); a stale `version` gets 409 version_conflict',
    tags: ['visits'],
    access: visitWriters,
    params: IdParams,
    body: VisitUpdate,
    response: VisitView,
    errors: [404, 409],
    handler: ({ params, body, user }) => updateVisit(params.id, body, user),
  });

  api.route({
    method: 'delete',
    path: '/visits/:id',
    summary: 'Moves a visit to the trash (soft delete)',
    tags: ['visits'],
    access: visitWriters,
    params: IdParams,
    errors: [404],
    handler: ({ params, user }) => deleteVisit(params.id, user),
  });

  api.route({
    method: 'post',
    path: '/visits/:id/restore',
    summary: 'Brings a deleted visit back',
    tags: ['visits'],
    access: visitWriters,
    params: IdParams,
    response: VisitView,
    errors: [404],
    handler: ({ params, user }) => restoreVisit(params.id, user),
  });

  api.route({
    method: 'get',
    path: '/visits/:id/history',
    summary: 'What changed on a visit, who changed it and when, newest first',
    tags: ['visits'],
    access: readers,
    params: IdParams,
    query: PageQuery,
    response: HistoryPage,
    errors: [404],
    handler: async ({ params, query }) => {
      await getVisit(params.id);
      return listHistory('visit', params.id, query);
    },
  });

  api.route({
    method: 'get',
    path: '/visits/:id/briefing',
    summary: 'The briefing pack of a visit: the visit, its programme, and for each partner its profile, key dates, key people, projects and past visits',
    tags: ['visits'],
    access: readers,
    params: IdParams,
    response: BriefingPack,
    errors: [404],
    handler: ({ params }) => visitBriefing(params.id),
  });

  api.route({
    method: 'get',
    path: '/visits/:id/briefing/pdf',
    summary: 'The briefing pack of a visit as a printable PDF in French (application/pdf)',
    tags: ['visits'],
    access: readers,
    params: IdParams,
    errors: [404],
    handler: async ({ params, res }) => {
      const pack = await visitBriefing(params.id);
      const pdf = await briefingPdf(pack);
      res
        .status(200)
        .type('application/pdf')
        .setHeader('Content-Disposition', `attachment; filename="${fileName('dossier-visite', pack.visit!.title, pack.visit!.startsOn)}"`)
        .send(pdf);
    },
  });

  api.route({
    method: 'get',
    path: '/partners/:id/briefing',
    summary: 'The briefing pack of a partner alone, without a visit',
    tags: ['visits'],
    access: readers,
    params: IdParams,
    response: BriefingPack,
    errors: [404],
    handler: ({ params }) => partnerBriefing(params.id),
  });

  api.route({
    method: 'get',
    path: '/partners/:id/briefing/pdf',
    summary: 'The briefing pack of a partner alone as a printable PDF in French (application/pdf)',
    tags: ['visits'],
    access: readers,
    params: IdParams,
    errors: [404],
    handler: async ({ params, res }) => {
      const pack = await partnerBriefing(params.id);
      const pdf = await briefingPdf(pack);
      res
        .status(200)
        .type('application/pdf')
        .setHeader('Content-Disposition', `attachment; filename="${fileName('dossier', pack.partners[0]!.name)}"`)
        .send(pdf);
    },
  });
}
