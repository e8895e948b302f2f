import type { InteractionType } from '@api/interactions/interactions.schema';

export const interactionTypeLabels: Record<InteractionType, string> = {
  meeting: 'Réunion',
  call: 'Appel',
  email: 'E-mail',
  visit: 'Visite',
  event: 'Événement',
  video_call: 'Visioconférence',
  letter: 'Courrier',
  other: 'Autre',
};

/**
 * The types in the order of the lists. Taken from the labels (typed against the API) rather than
 * imported from the backend schema, which would ship zod, whose JIT check trips the CSP's eval rule.
 */
export const interactionTypes = Object.keys(interactionTypeLabels) as InteractionType[];

export function interactionTypeLabel(type: string): string {
  return (interactionTypeLabels as Record<string, string>)[type] ?? type;
}

export const followUpStatusLabels: Record<string, string> = { open: 'À faire', done: 'Fait', cancelled: 'Annulé' };
