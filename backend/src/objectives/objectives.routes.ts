import type { Api } from '../http/api';
import { ObjectiveList } from './objectives.schema';
import { listObjectives } from './objectives.service';

export function objectivesRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/objectives',
    summary: 'The axes and objectives of the action plan, in the plan’s order',
    tags: ['objectives'],
    access: 'authenticated',
    response: ObjectiveList,
    handler: async () => ({ items: await listObjectives() }),
  });
}
