import { Objective } from './objective.model';
import type { ObjectiveView } from './objectives.schema';

export async function listObjectives(): Promise<ObjectiveView[]> {
  const objectives = await Objective.findAll({ order: [['position', 'ASC']] });
  return objectives.map(({ id, code, axis, axisTitle, title, description }) => ({ id, code, axis, axisTitle, title, description }));
}
