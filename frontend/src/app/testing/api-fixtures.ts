import type { ProblemDocument } from '@api/http/problem';
import type { ObjectiveList } from '@api/objectives/objectives.schema';
import type { PartnerView } from '@api/partners/partners.schema';
import type { CurrentUser } from '@api/users/users.schema';

/** Test data shaped by the API's own types, so a contract change breaks the specs at compile time. */
export const officer: CurrentUser = {
  id: 7,
  email: 'claire.martin@sceaux.fr',
  displayName: 'Claire Martin',
  role: 'officer',
  partnerId: null,
};

export function problem(status: number, code: string, title: string, detail?: string): ProblemDocument {
  return { type: `urn:passerelles:problem:${code}`, title, status, code, ...(detail ? { detail } : {}) };
}

export const actionPlan: ObjectiveList = {
  items: [
    {
      id: 1,
      code: 'I.1',
      axis: 'I',
      axisTitle: 'Favoriser les coopérations et l’implication des citoyens en lien avec l’Europe',
      title: 'Renforcer la présence de la Ville dans les réseaux de collectivités territoriales engagées',
      description:
        'La Ville poursuivra son implication en matière européenne.\n\nElle continuera à prendre part aux travaux de l’AFCCRE :\n\n- un travail de plaidoyer en faveur du projet européen.\n- le conseil et l’accompagnement des collectivités territoriales.',
    },
    {
      id: 3,
      code: 'I.3',
      axis: 'I',
      axisTitle: 'Favoriser les coopérations et l’implication des citoyens en lien avec l’Europe',
      title: 'Contribuer à conforter l’amitié franco-allemande',
      description: 'Afin d’approfondir les relations avec la ville de Brühl, des actions thématiques seront poursuivies.',
    },
    {
      id: 6,
      code: 'II.1',
      axis: 'II',
      axisTitle: 'Rassembler autour de valeurs communes',
      title: 'Affirmer la solidarité internationale de la Ville',
      description: 'La Ville soutiendra les initiatives de solidarité.',
    },
  ],
};

/** Lets pending promise callbacks (and the HTTP calls they start) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

export const bruhl: PartnerView = {
  id: 12,
  name: 'Brühl',
  localNames: { de: 'Brühl (Rheinland)' },
  kind: 'twin_town',
  country: 'DE',
  city: 'Brühl',
  website: 'https://www.bruehl.de',
  description: 'Ville jumelle allemande.',
  status: 'active',
  tags: ['jumelage'],
  owner: { id: 7, displayName: 'Claire Martin' },
  objectives: [{ id: 3, code: 'I.3', title: 'Contribuer à conforter l’amitié franco-allemande' }],
  charterSignedOn: '1964-06-14',
  labelObtainedOn: null,
  labelRenewalDueOn: null,
  publicActivities: null,
  publicNeeds: null,
  publicEvents: null,
  publicEmail: null,
  publicPhone: null,
  hasLogo: false,
  isExample: false,
  lastInteractionAt: null,
  version: 3,
  createdAt: new Date('2026-11-01T09:00:00Z'),
  updatedAt: new Date('2026-11-20T09:00:00Z'),
  deletedAt: null,
};

export const countries = { items: [{ code: 'DE', name: 'Allemagne' }, { code: 'FR', name: 'France' }] };
export const owners = { items: [{ id: 7, displayName: 'Claire Martin' }, { id: 8, displayName: 'Paul Martin' }] };
