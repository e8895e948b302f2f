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

export function interactionTypeLabel(type: string): string {
  return (interactionTypeLabels as Record<string, string>)[type] ?? type;
}

export const followUpStatusLabels: Record<string, string> = { open: 'À faire', done: 'Fait', cancelled: 'Annulé' };
