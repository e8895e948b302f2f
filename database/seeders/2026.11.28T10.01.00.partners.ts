import { foldText } from '../../backend/src/common/text';
import type { MigrationContext } from '../migration';

type SeedPartner = {
  key: string;
  name: string;
  kind: string;
  country: string | null;
  city?: string;
  status?: string;
  localNames?: Record<string, string>;
  description: string;
  tags?: string[];
  isExample?: boolean;
};

type SeedRelationship = [source: string, type: string, target: string];

const exampleNote = 'Fiche d’exemple créée à l’installation : à remplacer par l’association réelle.';

/** Every organisation that the action plan names, and the alliance partners it points to. */
export const partners: SeedPartner[] = [
  {
    key: 'ville-de-sceaux',
    name: 'Ville de Sceaux',
    kind: 'institution',
    country: 'FR',
    city: 'Sceaux',
    description: 'La collectivité elle-même : ses jumelages, adhésions et soutiens sont rattachés à cette fiche.',
  },
  {
    key: 'mouvement-europeen-france',
    name: 'Mouvement Européen – France',
    kind: 'network',
    country: 'FR',
    description:
      'Mouvement né d’une volonté de fédérer tous les acteurs engagés pour l’Europe, pour promouvoir l’Europe et favoriser la participation des citoyens à sa construction.',
    tags: ['Europe'],
  },
  {
    key: 'afccre',
    name: 'AFCCRE',
    kind: 'network',
    country: 'FR',
    localNames: { fr: 'Association Française du Conseil des Communes et Régions d’Europe' },
    description:
      'Association Française du Conseil des Communes et Régions d’Europe : plaidoyer, conseil et accompagnement des collectivités, représentation, échange d’expérience entre élus.',
    tags: ['Europe', 'réseau de collectivités'],
  },
  {
    key: 'enut',
    name: 'ENUT',
    kind: 'network',
    country: null,
    localNames: { en: 'European Network of University Towns' },
    description: 'European Network of University Towns : coopération entre les acteurs de l’enseignement supérieur et les villes.',
    tags: ['enseignement supérieur', 'réseau de collectivités'],
  },
  {
    key: 'jeunes-europeens-france',
    name: 'Les Jeunes Européens – France',
    kind: 'network',
    country: 'FR',
    description: 'Cofondateur du label Ville européenne.',
    tags: ['Europe', 'jeunesse'],
  },
  {
    key: 'uef-france',
    name: 'Union des Fédéralistes Européens – France',
    kind: 'network',
    country: 'FR',
    description: 'Cofondateur du label Ville européenne.',
    tags: ['Europe'],
  },
  {
    key: 'label-ville-europeenne',
    name: 'Label Ville européenne',
    kind: 'label',
    country: 'FR',
    status: 'prospect',
    description:
      'Label créé en janvier 2020 par Les Jeunes Européens – France, le Mouvement Européen – France et l’Union des Fédéralistes Européens – France pour promouvoir la démocratie européenne et faire vivre l’esprit européen dans les communes. La Ville s’y porte candidate.',
    tags: ['Europe', 'label'],
  },
  {
    key: 'conseil-de-l-europe',
    name: 'Conseil de l’Europe',
    kind: 'institution',
    country: 'FR',
    city: 'Strasbourg',
    localNames: { en: 'Council of Europe' },
    description: 'Organisation européenne des droits humains, de la démocratie et de l’État de droit, qui décerne le label ELoGE.',
    tags: ['droits humains'],
  },
  {
    key: 'eloge',
    name: 'ELoGE',
    kind: 'label',
    country: null,
    localNames: { en: 'European Label of Governance Excellence', fr: 'Label européen d’excellence en matière de gouvernance' },
    description:
      'Label du Conseil de l’Europe qui reconnaît les engagements de la Ville en matière de droits humains et de gouvernance.',
    tags: ['label', 'droits humains', 'gouvernance'],
  },
  {
    key: 'bruhl',
    name: 'Brühl',
    kind: 'twin_town',
    country: 'DE',
    city: 'Brühl',
    description: 'Ville jumelle allemande (Rhénanie-du-Nord-Westphalie) : actions thématiques, échanges scolaires et de jeunes, apprentissage de l’allemand.',
    tags: ['jumelage', 'amitié franco-allemande'],
  },
  {
    key: 'royal-leamington-spa',
    name: 'Royal Leamington Spa',
    kind: 'twin_town',
    country: 'GB',
    city: 'Royal Leamington Spa',
    description: 'Ville jumelle anglaise : liens entre jeunes et étudiants, partenariats avec les établissements d’enseignement.',
    tags: ['jumelage'],
  },
  {
    key: 'zelenodolsk',
    name: 'Zelenodolsk',
    kind: 'partner_town',
    country: 'UA',
    city: 'Zelenodolsk',
    status: 'prospect',
    localNames: { uk: 'Зеленодольськ' },
    description: 'Ville ukrainienne partenaire, dans le cadre du programme européen U-LEAD : coopération étudiée autour de l’école, de la culture et des jeunes.',
    tags: ['Ukraine', 'U-LEAD'],
  },
  {
    key: 'u-lead',
    name: 'U-LEAD with Europe',
    kind: 'programme',
    country: null,
    description: 'Programme européen de soutien à la gouvernance locale en Ukraine, cadre du partenariat entre Sceaux et Zelenodolsk.',
    tags: ['Ukraine'],
  },
  {
    key: 'projeunes',
    name: 'Projeunes',
    kind: 'programme',
    country: 'FR',
    city: 'Sceaux',
    description: 'Appel à projets de la Ville, dédié à la solidarité internationale, pour l’expérience internationale des lycéens et étudiants scéens.',
    tags: ['jeunesse', 'appel à projets'],
  },
  {
    key: 'universite-paris-saclay',
    name: 'Université Paris-Saclay',
    kind: 'university',
    country: 'FR',
    description: 'Université dont deux établissements sont présents à Sceaux ; membre de l’alliance européenne EUGLOH.',
    tags: ['enseignement supérieur', 'EUGLOH'],
  },
  {
    key: 'faculte-jean-monnet',
    name: 'Faculté Jean-Monnet',
    kind: 'university',
    country: 'FR',
    city: 'Sceaux',
    description: 'Faculté de droit, économie et gestion de l’Université Paris-Saclay à Sceaux : conférences-débats sur l’Europe.',
    tags: ['enseignement supérieur'],
  },
  {
    key: 'iut-sceaux',
    name: 'IUT de Sceaux',
    kind: 'university',
    country: 'FR',
    city: 'Sceaux',
    description: 'Institut universitaire de technologie de l’Université Paris-Saclay : projets tutorés d’étudiants.',
    tags: ['enseignement supérieur'],
  },
  {
    key: 'eugloh',
    name: 'EUGLOH',
    kind: 'network',
    country: null,
    localNames: { en: 'European University Alliance for Global Health' },
    description: 'Alliance universitaire européenne dont l’Université Paris-Saclay est membre ; ses villes universitaires font l’objet d’une attention particulière.',
    tags: ['enseignement supérieur', 'EUGLOH'],
  },
  ...(
    [
      ['lund-university', 'Lund University', 'SE', 'Lund', { sv: 'Lunds universitet' }],
      ['university-of-porto', 'University of Porto', 'PT', 'Porto', { pt: 'Universidade do Porto' }],
      ['lmu-munich', 'LMU Munich', 'DE', 'München', { de: 'Ludwig-Maximilians-Universität München' }],
      ['university-of-szeged', 'University of Szeged', 'HU', 'Szeged', { hu: 'Szegedi Tudományegyetem' }],
      ['university-of-alcala', 'University of Alcalá', 'ES', 'Alcalá de Henares', { es: 'Universidad de Alcalá' }],
      ['uit-arctic-university-of-norway', 'UiT The Arctic University of Norway', 'NO', 'Tromsø', { nb: 'UiT Norges arktiske universitet' }],
      ['university-of-hamburg', 'University of Hamburg', 'DE', 'Hamburg', { de: 'Universität Hamburg' }],
      ['university-of-novi-sad', 'University of Novi Sad', 'RS', 'Novi Sad', { sr: 'Univerzitet u Novom Sadu' }],
    ] as const
  ).map(([key, name, country, city, localNames]) => ({
    key,
    name,
    kind: 'university',
    country,
    city,
    localNames,
    description: 'Université membre de l’alliance européenne EUGLOH.',
    tags: ['enseignement supérieur', 'EUGLOH'],
  })),
  ...(
    [
      ['association-madagascar', 'Madagascar'],
      ['association-armenie', 'Arménie'],
      ['association-birmanie', 'Birmanie'],
      ['association-burkina-faso', 'Burkina Faso'],
    ] as const
  ).map(([key, country]) => ({
    key,
    name: `Association de solidarité avec ${country === 'Arménie' ? 'l’Arménie' : country === 'Birmanie' ? 'la Birmanie' : country === 'Burkina Faso' ? 'le Burkina Faso' : country} (exemple)`,
    kind: 'association',
    country: 'FR',
    city: 'Sceaux',
    description: `Association locale engagée pour les valeurs démocratiques et la coopération internationale (${country}). ${exampleNote}`,
    tags: ['solidarité internationale', country],
    isExample: true,
  })),
];

export const relationships: SeedRelationship[] = [
  ['bruhl', 'twinned_with', 'ville-de-sceaux'],
  ['royal-leamington-spa', 'twinned_with', 'ville-de-sceaux'],
  ['zelenodolsk', 'partner_of', 'ville-de-sceaux'],
  ['u-lead', 'supports', 'zelenodolsk'],
  ['ville-de-sceaux', 'member_of', 'afccre'],
  ['ville-de-sceaux', 'member_of', 'enut'],
  ['ville-de-sceaux', 'partner_of', 'mouvement-europeen-france'],
  ['jeunes-europeens-france', 'supports', 'label-ville-europeenne'],
  ['mouvement-europeen-france', 'supports', 'label-ville-europeenne'],
  ['uef-france', 'supports', 'label-ville-europeenne'],
  ['eloge', 'part_of', 'conseil-de-l-europe'],
  ['faculte-jean-monnet', 'part_of', 'universite-paris-saclay'],
  ['iut-sceaux', 'part_of', 'universite-paris-saclay'],
  ['universite-paris-saclay', 'member_of', 'eugloh'],
  ['lund-university', 'member_of', 'eugloh'],
  ['university-of-porto', 'member_of', 'eugloh'],
  ['lmu-munich', 'member_of', 'eugloh'],
  ['university-of-szeged', 'member_of', 'eugloh'],
  ['university-of-alcala', 'member_of', 'eugloh'],
  ['uit-arctic-university-of-norway', 'member_of', 'eugloh'],
  ['university-of-hamburg', 'member_of', 'eugloh'],
  ['university-of-novi-sad', 'member_of', 'eugloh'],
  ['ville-de-sceaux', 'supports', 'projeunes'],
  ['ville-de-sceaux', 'supports', 'association-madagascar'],
  ['ville-de-sceaux', 'supports', 'association-armenie'],
  ['ville-de-sceaux', 'supports', 'association-birmanie'],
  ['ville-de-sceaux', 'supports', 'association-burkina-faso'],
];

async function selectIds(queryInterface: MigrationContext['context'], sql: string, replacements: unknown[]) {
  const [rows] = (await queryInterface.sequelize.query(sql, { replacements })) as [{ id: number }[], unknown];
  return rows.map((row) => row.id);
}

export async function up({ context: queryInterface }: MigrationContext) {
  const now = new Date();
  const ids = new Map<string, number>();
  for (const partner of partners) {
    let [id] = await selectIds(queryInterface, 'SELECT id FROM partners WHERE seed_key = ?', [partner.key]);
    if (id === undefined) {
      await queryInterface.bulkInsert('partners', [
        {
          name: partner.name,
          sort_name: foldText(partner.name),
          local_names: JSON.stringify(partner.localNames ?? {}),
          kind: partner.kind,
          country: partner.country,
          city: partner.city ?? null,
          description: partner.description,
          status: partner.status ?? 'active',
          is_example: partner.isExample ?? false,
          seed_key: partner.key,
          version: 0,
          created_at: now,
          updated_at: now,
        },
      ]);
      [id] = await selectIds(queryInterface, 'SELECT id FROM partners WHERE seed_key = ?', [partner.key]);
      const tags = [...new Set(partner.tags ?? [])];
      if (tags.length > 0) await queryInterface.bulkInsert('partner_tags', tags.map((tag) => ({ partner_id: id, tag })));
    }
    ids.set(partner.key, id!);
  }
  for (const [source, type, target] of relationships) {
    const sourceId = ids.get(source)!;
    const targetId = ids.get(target)!;
    const existing = await selectIds(
      queryInterface,
      'SELECT id FROM relationships WHERE source_partner_id = ? AND target_partner_id = ? AND type = ?',
      [sourceId, targetId, type],
    );
    if (existing.length > 0) continue;
    await queryInterface.bulkInsert('relationships', [
      { type, source_partner_id: sourceId, target_partner_id: targetId, version: 0, created_at: now, updated_at: now },
    ]);
  }
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.bulkDelete('partners', { seed_key: partners.map((partner) => partner.key) });
}
