import { interactionTypeLabels } from '@api/common/labels';
import type { InteractionType } from '@api/interactions/interactions.schema';

export { followUpStatusLabels, interactionTypeLabels } from '@api/common/labels';

/**
 * The types in the order of the lists. Taken from the labels (typed against the API) rather than
 * imported from the backend schema, which would ship zod, whose JIT check trips the CSP's eval rule.
 */
export const interactionTypes = Object.keys(interactionTypeLabels) as InteractionType[];

export function interactionTypeLabel(type: string): string {
  return (interactionTypeLabels as Record<string, string>)[type] ?? type;
}

