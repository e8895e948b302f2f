import type { VisitView } from '@api/visits/visits.schema';
import { itPagesThroughTheUrl } from '../records/list-paging-testing';
import { VisitList } from './visit-list';

const visit = (id: number, title: string): VisitView => ({
  id,
  title,
  direction: 'outgoing',
  startsOn: '2026-05-12',
  endsOn: '2026-05-14',
  places: [],
  partners: [],
  objectives: [],
  delegation: [],
  programme: [],
  notesForMayor: null,
  version: 1,
  createdAt: new Date('2026-04-01T10:00:00Z'),
  updatedAt: new Date('2026-04-01T10:00:00Z'),
  deletedAt: null,
});

describe('VisitList', () => {
  itPagesThroughTheUrl({
    component: VisitList,
    route: 'visites',
    api: '/api/v1/visits',
    filter: ['direction', 'incoming'],
    first: { item: visit(1, 'Accueil de Brühl'), title: 'Accueil de Brühl' },
    second: { item: visit(2, 'Déplacement à Leamington'), title: 'Déplacement à Leamington' },
  });
});
