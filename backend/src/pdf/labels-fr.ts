/** The domain's words in French for the PDFs (the interface has its own, in frontend/src/app/records/labels.ts). */
export const partnerKindFr: Record<string, string> = {
  network: 'Réseau',
  twin_town: 'Ville jumelle',
  partner_town: 'Ville partenaire',
  university: 'Université',
  school: 'Établissement scolaire',
  association: 'Association',
  institution: 'Institution',
  programme: 'Programme',
  label: 'Label',
  other: 'Autre',
};

export const partnerStatusFr: Record<string, string> = { prospect: 'En projet', active: 'Actif', dormant: 'En sommeil', former: 'Ancien' };

export const projectKindFr: Record<string, string> = {
  call_for_projects: 'Appel à projets',
  label_candidacy: 'Candidature à un label',
  exchange: 'Échange',
  cooperation: 'Coopération',
  solidarity_campaign: 'Campagne de solidarité',
  event: 'Événement',
};

export const projectStatusFr: Record<string, string> = { planned: 'Prévu', running: 'En cours', completed: 'Terminé', cancelled: 'Abandonné' };

export const relationshipFr: Record<string, { outgoing: string; incoming: string }> = {
  member_of: { outgoing: 'membre de', incoming: 'a pour membre' },
  part_of: { outgoing: 'fait partie de', incoming: 'comprend' },
  twinned_with: { outgoing: 'jumelée avec', incoming: 'jumelée avec' },
  partner_of: { outgoing: 'partenaire de', incoming: 'partenaire de' },
  funded_by: { outgoing: 'financé par', incoming: 'finance' },
  supports: { outgoing: 'soutient', incoming: 'soutenu par' },
};

const languages = new Intl.DisplayNames(['fr'], { type: 'language' });
const regions = new Intl.DisplayNames(['fr'], { type: 'region' });

export function languageFr(code: string) {
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryFr(code: string | null) {
  if (!code) return null;
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

export const interactionTypeFr: Record<string, string> = {
  meeting: 'Réunion',
  call: 'Appel',
  email: 'E-mail',
  visit: 'Visite',
  event: 'Événement',
  video_call: 'Visioconférence',
  letter: 'Courrier',
  other: 'Autre',
};
