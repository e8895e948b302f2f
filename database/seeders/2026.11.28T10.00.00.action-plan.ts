import type { MigrationContext } from '../migration';

/**
 * The axes and objectives of the action plan approved by the town council of Sceaux on
 * 27 September 2023, with their French titles and texts exactly as written in the plan.
 */
export const actionPlan = [
  {
    "code": "I.1",
    "axis": "I",
    "axisTitle": "Favoriser les coopérations et l'implication des citoyens en lien avec l'Europe",
    "title": "Renforcer la présence de la Ville dans les réseaux de collectivités territoriales engagées",
    "description": "La Ville poursuivra son implication en matière européenne en lien avec le Mouvement Européen, né d'une volonté de fédérer tous les acteurs engagés pour l'Europe dans le but de promouvoir l'Europe et de favoriser la participation des citoyens à sa construction.\n\nElle se portera candidate au label Ville européenne créé en janvier 2020 par Les Jeunes Européens – France, le Mouvement Européen – France et l'Union des Fédéralistes Européens – France afin de promouvoir la démocratie européenne et de faire vivre l'esprit européen dans les communes.\n\nElle continuera à prendre part activement aux travaux de l'AFCCRE, Association Française du Conseil des Communes et Régions d'Europe, association dont les activités s'articulent aujourd'hui autour de plusieurs grandes missions :\n\n- un travail de plaidoyer en faveur du projet européen, de l'autonomie locale et régionale et la prise en compte des Collectivités territoriales dans toutes les politiques européennes.\n- le conseil et l'accompagnement des collectivités territoriales dans le suivi des dossiers européens et internationaux et la mise en œuvre des politiques européennes au niveau local.\n- la représentation et le « lobbying » territorial aux niveaux national, européen et international.\n- l'échange d'expérience entre élus locaux et régionaux sur les thématiques européennes.",
    "position": 1
  },
  {
    "code": "I.2",
    "axis": "I",
    "axisTitle": "Favoriser les coopérations et l'implication des citoyens en lien avec l'Europe",
    "title": "Renforcer les échanges sur l'Europe en partenariat avec les établissements d'enseignement supérieur",
    "description": "L'action « parlons ensemble de l'Europe » conduite en amont des élections européennes de 2019 a montré un intérêt des Scéens sur le sujet de l'Europe.\n\nDans le prolongement de cette initiative, la Ville favorisera une dynamique sur le thème en lien avec les établissements d'enseignement implantés à Sceaux (conférences débats en lien avec la faculté Jean-Monnet, implication d'étudiants de l'IUT dans le cadre de projets tutorés, actions dans les collèges et lycées, rencontres au sein des équipements culturels de la Ville,...).\n\nS'agissant des établissements d'enseignement supérieur, la ville de Sceaux a intégré le réseau ENUT (European Network of University Towns) afin de favoriser la coopération entre les acteurs de l'enseignement supérieur et les villes. La Ville s'attachera à développer des liens approfondis avec les partenaires internationaux de l'Université Paris-Saclay dont deux établissements sont présents à Sceaux. Une attention particulière sera portée sur les villes universitaires de l'alliance européenne EUGLOH (Université Paris-Saclay).",
    "position": 2
  },
  {
    "code": "I.3",
    "axis": "I",
    "axisTitle": "Favoriser les coopérations et l'implication des citoyens en lien avec l'Europe",
    "title": "Contribuer à conforter l'amitié franco-allemande",
    "description": "Afin d'approfondir les relations avec la ville de Brühl, des actions thématiques seront poursuivies et organisées afin de rendre le jumelage visible et vivant pour le plus grand nombre.\n\nCes rencontres seront l'occasion de confronter les politiques locales de chacune des villes notamment dans les domaines en lien avec le développement durable.\n\nUne attention particulière sera portée à l'association des enfants et jeunes aux échanges avec l'Allemagne, en lien avec les établissements scolaires, déjà très investis en la matière ainsi qu'en lien avec le conseil d'enfants et les associations locales qui le souhaiteront.\n\nDes initiatives seront prises pour promouvoir l'apprentissage de la langue allemande.",
    "position": 3
  },
  {
    "code": "I.4",
    "axis": "I",
    "axisTitle": "Favoriser les coopérations et l'implication des citoyens en lien avec l'Europe",
    "title": "Développer les liens avec la ville anglaise jumelle de Royal Leamington Spa",
    "description": "Le Brexit a constitué un événement important dans les relations entre la Grande-Bretagne et les pays membres de l'Union européenne.\n\nCependant, cet événement a eu des impacts positifs dans la mesure où il a révélé à l'échelon local notamment, qu'il était essentiel de conserver des liens et de les développer.\n\nDans ce contexte, les liens entre Sceaux et Royal Leamington Spa font l'objet de nouvelles perspectives. La Ville s'attachera dans ce cadre à développer tout particulièrement les liens entre jeunes et étudiants par des partenariats avec les établissements d'enseignement primaire, secondaire et supérieur.",
    "position": 4
  },
  {
    "code": "I.5",
    "axis": "I",
    "axisTitle": "Favoriser les coopérations et l'implication des citoyens en lien avec l'Europe",
    "title": "Soutenir particulièrement les projets des élèves et étudiants des établissements scéens",
    "description": "Afin de promouvoir une expérience internationale pour les jeunes lycéens ou étudiants scéens, la Ville a mis en place l'appel à projets Projeunes désormais dédié à la solidarité internationale.\n\nLa mise en place d'un fonds spécifique sera étudiée, en complément du dispositif Projeunes pour soutenir des projets individuels ou collectifs prenant la forme de voyages dans le cadre desquels des élèves et étudiants des établissements de Sceaux se feront les ambassadeurs de la Ville et/ou de ses établissements dans le cadre des principes du présent document-cadre.",
    "position": 5
  },
  {
    "code": "II.1",
    "axis": "II",
    "axisTitle": "Rassembler autour de valeurs communes",
    "title": "Poursuivre la coopération et la solidarité internationales",
    "description": "La ville de Sceaux a obtenu la reconnaissance de ses engagements en matière de droits humains et de gouvernance au travers du label ELoGE.\n\nDans le prolongement de cette labellisation, la Ville poursuivra la promotion des valeurs portées par le conseil de l'Europe, en lien avec différentes associations locales engagées sur ces valeurs.\n\nLa Ville poursuivra son soutien aux associations locales engagées pour les valeurs démocratiques et la coopération internationale (Madagascar, Arménie, Birmanie, Burkina Faso,...).\n\nLa Ville assurera au travers de ses moyens la promotion de l'action de ces associations auprès de la population scéenne.\n\nChaque fois que possible, les enfants, collégiens, lycéens et étudiants qui le souhaitent seront associés à ces démarches.\n\nDe façon générale, la Ville cherchera à promouvoir des actions en lien avec l'Europe et l'international qui puissent bénéficier aux jeunes et aux Scéens de la façon la plus large possible.\n\nLa Ville poursuivra par ailleurs avec ses habitants son engagement de solidarité à l'égard de populations victimes de catastrophes naturelles (Turquie, Maroc,...).",
    "position": 6
  },
  {
    "code": "II.2",
    "axis": "II",
    "axisTitle": "Rassembler autour de valeurs communes",
    "title": "S'engager ensemble pour les Ukrainiens",
    "description": "De nombreux Scéens se sont fortement engagés pour que les Ukrainiens déplacés à Sceaux bénéficient d'un accueil chaleureux et de qualité (hébergement, cours de français, dons,...).\n\nLa Ville poursuivra son soutien chaque fois que nécessaire aux familles concernées.\n\nEn lien avec le programme européen U-LEAD, un partenariat se met en place entre la ville de Sceaux et la ville ukrainienne de Zelenodolsk. Une coopération autour de l'école, de la culture et des jeunes sera étudiée, en lien avec de nombreuses structures locales qui souhaiteront répondre favorablement aux sollicitations.",
    "position": 7
  }
] as const;

export async function up({ context: queryInterface }: MigrationContext) {
  const now = new Date();
  for (const objective of actionPlan) {
    const [existing] = (await queryInterface.sequelize.query('SELECT id FROM objectives WHERE code = ?', {
      replacements: [objective.code],
    })) as [unknown[], unknown];
    if (existing.length > 0) continue;
    await queryInterface.bulkInsert('objectives', [
      {
        code: objective.code,
        axis: objective.axis,
        axis_title: objective.axisTitle,
        title: objective.title,
        description: objective.description,
        position: objective.position,
        created_at: now,
        updated_at: now,
      },
    ]);
  }
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.bulkDelete('objectives', { code: actionPlan.map((objective) => objective.code) });
}
