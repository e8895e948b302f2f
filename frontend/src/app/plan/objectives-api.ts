import { httpResource } from '@angular/common/http';
import type { ObjectiveList } from '@api/objectives/objectives.schema';

export const objectivesUrl = '/api/v1/objectives';

/** The action plan's objectives, ordered by position. Call in an injection context (a field initializer). */
export function objectivesResource() {
  return httpResource<ObjectiveList>(() => objectivesUrl);
}
