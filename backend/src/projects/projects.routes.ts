import { listHistory } from '../audit/history.service';
import { HistoryPage, IdParams } from '../common/fields.schema';
import type { Api } from '../http/api';
import { PageQuery } from '../http/pagination.schema';
import { readers, writers } from '../partners/partners.routes';
import { DueMilestoneList, DueMilestoneQuery, ProjectCreate, ProjectListQuery, ProjectPage, ProjectUpdate, ProjectView } from './projects.schema';
import { createProject, deleteProject, dueMilestones, getProject, listProjects, restoreProject, updateProject } from './projects.service';

export function projectsRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/projects',
    summary: 'Projects, filtered by kind, status, partner or objective, one page at a time (keyset pagination)',
    tags: ['projects'],
    access: readers,
    query: ProjectListQuery,
    response: ProjectPage,
    handler: ({ query }) => listProjects(query),
  });

  api.route({
    method: 'get',
    path: '/milestones/due',
    summary: 'Milestones of planned or running projects due within `days` days (overdue ones included), soonest first',
    tags: ['projects'],
    access: readers,
    query: DueMilestoneQuery,
    response: DueMilestoneList,
    handler: async ({ query }) => ({ items: await dueMilestones(query.days) }),
  });

  api.route({
    method: 'post',
    path: '/projects',
    summary: 'Creates a project with its partners, contacts, objectives and milestones',
    tags: ['projects'],
    access: writers,
    body: ProjectCreate,
    response: ProjectView,
    status: 201,
    handler: ({ body, user }) => createProject(body, user),
  });

  api.route({
    method: 'get',
    path: '/projects/:id',
    summary: 'A project with its links and milestones (a deleted one too, with `deletedAt`)',
    tags: ['projects'],
    access: readers,
    params: IdParams,
    response: ProjectView,
    errors: [404],
    handler: ({ params }) => getProject(params.id),
  });

  api.route({
    method: 'patch',
    path: '/projects/:id',
    summary: 'Changes a project (lists, when given, replace the old ones); a stale `version` gets 409 version_conflict',
    tags: ['projects'],
    access: writers,
    params: IdParams,
    body: ProjectUpdate,
    response: ProjectView,
    errors: [404, 409],
    handler: ({ params, body, user }) => updateProject(params.id, body, user),
  });

  api.route({
    method: 'delete',
    path: '/projects/:id',
    summary: 'Moves a project to the trash (soft delete)',
    tags: ['projects'],
    access: writers,
    params: IdParams,
    errors: [404],
    handler: ({ params, user }) => deleteProject(params.id, user),
  });

  api.route({
    method: 'post',
    path: '/projects/:id/restore',
    summary: 'Brings a deleted project back',
    tags: ['projects'],
    access: writers,
    params: IdParams,
    response: ProjectView,
    errors: [404],
    handler: ({ params, user }) => restoreProject(params.id, user),
  });

  api.route({
    method: 'get',
    path: '/projects/:id/history',
    summary: 'What changed on a project, who changed it and when, newest first',
    tags: ['projects'],
    access: readers,
    params: IdParams,
    query: PageQuery,
    response: HistoryPage,
    errors: [404],
    handler: async ({ params, query }) => {
      await getProject(params.id);
      return listHistory('project', params.id, query);
    },
  });
}
