import type { ProjectView } from '@api/projects/projects.schema';
import { itPagesThroughTheUrl } from '../records/list-paging-testing';
import { ProjectList } from './project-list';

const project = (id: number, title: string): ProjectView => ({
  id,
  title,
  kind: 'exchange',
  status: 'running',
  startsOn: '2026-05-12',
  endsOn: null,
  budget: null,
  description: null,
  partners: [],
  contacts: [],
  objectives: [],
  milestones: [],
  version: 1,
  createdAt: new Date('2026-04-01T10:00:00Z'),
  updatedAt: new Date('2026-04-01T10:00:00Z'),
  deletedAt: null,
});

describe('ProjectList', () => {
  itPagesThroughTheUrl({
    component: ProjectList,
    route: 'projets',
    api: '/api/v1/projects',
    filter: ['status', 'running'],
    first: { item: project(1, 'Échange scolaire avec Brühl'), title: 'Échange scolaire avec Brühl' },
    second: { item: project(2, 'Chorale à Leamington'), title: 'Chorale à Leamington' },
  });
});
