// The words of the generated data set. Real notes use thousands of different words, so that what an
// officer types (a town, a surname, a topic) matches a few records, not a third of them: towns are
// made of syllables (about 3 000 French, German and English names besides the real partners'), people
// of 90 first names and 150 surnames, subjects and notes of templates filled with towns, people,
// topics, months and numbers. A few words stay common on purpose ("jumelage", "réunion"), as they are.
import type { Random } from './dataset';

/** The real places of Sceaux's action plan: each is the town of a handful of partners. */
export const realTowns = ['Brühl', 'Royal Leamington Spa', 'Zelenodolsk', 'Sceaux', 'Antony', 'Bourg-la-Reine', 'Antananarivo', 'Erevan', 'Ouagadougou', 'Mandalay', 'Lviv', 'Warwick', 'Köln', 'Bonn'];

const townParts = {
  fr: {
    starts: ['Saint-', 'Sainte-', 'Villeneuve-', 'Bourg-', 'Mont', 'Château', 'Beau', 'Roche', 'Fontaine', 'Val', 'Ville', 'Belle', 'Champ', 'Pont-', 'Vieux-', 'Neuf'],
    middles: ['mar', 'lou', 'ber', 'cla', 'fer', 'gen', 'mor', 'vil', 'ron', 'sau', 'tel', 'vau', 'bré', 'cé', 'dé', 'lan'],
    ends: ['ville', 'court', 'mont', 'ac', 'ay', 'eux', 'ières', 'igny', 'ans', 'y', 'el', 'on', 'ieu', 'ac-sur-Loire', 'les-Bains', 'sur-Seine'],
  },
  de: {
    starts: ['Neu', 'Alt', 'Ober', 'Unter', 'Groß', 'Klein', 'Bad ', 'Hohen', 'Rosen', 'Linden', 'Eich', 'Wald', 'Stein', 'Kirch', 'Mühl', 'Bach'],
    middles: ['en', 'er', 'hof', 'lin', 'tal', 'ried', 'bur', 'feld', 'wang', 'ach', 'brück', 'hör', 'münd', 'dorn', 'grün', 'kamp'],
    ends: ['berg', 'heim', 'hausen', 'dorf', 'burg', 'stadt', 'bach', 'feld', 'au', 'ingen', 'weiler', 'rode', 'beck', 'stedt', 'hagen', 'kirchen'],
  },
  en: {
    starts: ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Kings', 'Ash', 'Oak', 'Mill', 'Brook', 'Stone', 'Green', 'Wood', 'Elm', 'Market '],
    middles: ['ing', 'ham', 'ley', 'wick', 'bor', 'den', 'ford', 'mor', 'cot', 'ton', 'ber', 'well', 'wold', 'combe', 'stow', 'bury'],
    ends: ['ton', 'field', 'bury', 'ham', 'ford', 'wich', 'by', 'worth', 'minster', 'stead', 'bridge', 'mouth', 'ley', 'caster', 'pool', 'dale'],
  },
};

/** About 3 000 distinct made-up towns, the same on every run. */
export function madeUpTowns(rng: Random, count = 3_000): string[] {
  const towns = new Set<string>();
  const languages = Object.values(townParts);
  while (towns.size < count) {
    const parts = languages[towns.size % languages.length]!;
    const middle = rng.next() < 0.5 ? rng.pick(parts.middles) : '';
    let name = `${rng.pick(parts.starts)}${middle}${rng.pick(parts.ends)}`;
    name = name.charAt(0).toUpperCase() + name.slice(1);
    towns.add(name);
  }
  return [...towns];
}

export const firstNames = [
  'Marie', 'Jean', 'Sophie', 'Luc', 'Camille', 'Élodie', 'François', 'Hélène', 'Nathalie', 'Pierre', 'Isabelle', 'Thomas', 'Chloé', 'Julien', 'Aurélie', 'Mathieu',
  'Céline', 'Antoine', 'Margaux', 'Benoît', 'Amélie', 'Gaëlle', 'Hervé', 'Inès', 'Noémie', 'Raphaël', 'Solène', 'Yannick', 'Agnès', 'Clément',
  'Jürgen', 'Günther', 'Lena', 'Matthias', 'Ursula', 'Jörg', 'Katrin', 'Stefan', 'Sabine', 'Wolfgang', 'Anja', 'Florian', 'Birgit', 'Tobias', 'Jutta', 'Maximilian',
  'Oliver', 'Emily', 'George', 'Charlotte', 'Harry', 'Olivia', 'Jack', 'Amelia', 'Thomas', 'Isla', 'Alfie', 'Poppy', 'Freddie', 'Imogen',
  'Olena', 'Taras', 'Iryna', 'Oksana', 'Bohdan', 'Mykola', 'Anahit', 'Armen', 'Gayane', 'Aung', 'Thiri', 'Fanja', 'Hery', 'Lova', 'Ousmane', 'Aminata', 'Issa', 'Salif',
  'Giulia', 'Marco', 'Lucía', 'Javier', 'Ana', 'Pablo', 'Sofia', 'Matteo', 'Elena', 'Diego', 'Ingrid', 'Lars',
];

export const lastNames = [
  'Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Girard', 'Fontaine', 'Garnier', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel',
  'Fournier', 'Rousseau', 'Vincent', 'Muller', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Chevalier', 'Legrand', 'Gauthier', 'Perrin', 'Robin', 'Clément',
  'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Schäfer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder',
  'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Köhler', 'Weiß', 'Jäger', 'Vogel', 'Günther',
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green',
  'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Hughes', 'Edwards', 'Turner', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Baker', 'Harrison', 'Lewis',
  'Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Petrosyan', 'Hakobyan', 'Grigoryan', 'Sargsyan', 'Rakoto', 'Randriamanana',
  'Rasolofo', 'Andrianina', 'Ouédraogo', 'Sawadogo', 'Compaoré', 'Traoré', 'Kaboré', 'Thein', 'Htun', 'Maung', 'Win', 'Rossi', 'Russo', 'Ferrari', 'García',
  'Fernández', 'López', 'Martínez', 'Sánchez', 'Johansson', 'Nielsen', 'Kowalski', 'Nowak', 'Horváth', 'Novák',
];

export const partnerPatterns = [
  'Comité de jumelage de {town}',
  'Association franco-allemande de {town}',
  'Städtepartnerschaftsverein {town}',
  '{town} Twinning Association',
  'Université de {town}',
  'Lycée européen de {town}',
  'Gymnasium {town}',
  '{town} Grammar School',
  'Solidarité {town}',
  'Freundeskreis {town}',
  'Maison de l’Europe de {town}',
  '{town} Town Council',
  'Stadt {town}',
  'Mairie de {town}',
  'Conservatoire de {town}',
  'Club sportif de {town}',
  'Chorale de {town}',
  'Musikverein {town}',
  'Office de tourisme de {town}',
  'Chamber of Commerce of {town}',
];

export const jobTitles = [
  'Présidente', 'Président', 'Trésorier', 'Trésorière', 'Secrétaire générale', 'Bürgermeister', 'Bürgermeisterin', 'Leiterin Städtepartnerschaften', 'Mayor',
  'Twinning officer', 'Chargée de mission Europe', 'Professeur d’allemand', 'Professeure d’anglais', 'Directeur', 'Directrice', 'Secretary', 'Councillor',
  'Conseillère municipale', 'Adjoint au maire', 'Chef de projet', 'Vorsitzende', 'Schulleiter', 'Head teacher', 'Responsable des relations internationales',
];

const topics = [
  'l’échange scolaire', 'le festival de musique', 'la fête de l’Europe', 'le marché de Noël', 'la semaine franco-allemande', 'le tournoi de football',
  'la collecte de matériel médical', 'l’exposition de photographies', 'le concert de la chorale', 'le séjour linguistique', 'la conférence sur le climat',
  'les jeux de la jeunesse', 'le programme Erasmus+', 'le label ELoGE', 'la candidature Ville européenne', 'l’accueil des réfugiés', 'la bibliothèque bilingue',
  'le jardin partagé', 'la course solidaire', 'le projet U-LEAD', 'la visite de la mairie', 'le colloque EUGLOH', 'la résidence d’artistes', 'le chantier de jeunes',
  'den Jugendaustausch', 'das Stadtfest', 'die Partnerschaftsfeier', 'den Schüleraustausch', 'das Sommerkonzert', 'die Ausstellung', 'den Weihnachtsmarkt',
  'the school exchange', 'the summer festival', 'the anniversary dinner', 'the youth orchestra', 'the sports tournament', 'the art exhibition', 'the language course',
  'the funding application', 'the mayor’s visit',
];

const subjectTemplates = [
  'Réunion avec {person} sur {topic}',
  'Appel de {person} ({town})',
  'Préparation de {topic} avec {town}',
  'Point d’étape : {topic}',
  'Visite à {town}',
  'Réunion du comité de jumelage',
  'Délégation de {town} à Sceaux',
  'Bilan de {topic}',
  'Treffen mit {person} über {topic}',
  'Vorbereitung: {topic} in {town}',
  'Call with {person} about {topic}',
  'Meeting in {town} on {topic}',
  'Courrier à {person}',
  'Invitation pour {topic}',
  'Compte rendu : {topic} ({town})',
];

const noteTemplates = [
  'Nous avons convenu d’un calendrier pour {topic} et d’un budget de {number} €.',
  '{person} confirme la venue de {small} personnes de {town} en {month}.',
  'Les élèves de {town} seront accueillis dans les familles pendant une semaine.',
  'Relancer {person} pour la signature de la convention avant {month}.',
  'Besoin de traducteurs bénévoles pour {topic}.',
  'Envoyer le compte rendu au cabinet du maire et à {person}.',
  'Le comité de jumelage propose d’associer {town} à {topic}.',
  'Budget prévisionnel : {number} €, dont {small} % de subvention européenne.',
  'Prochaine rencontre prévue à {town} en {month}.',
  '{person} quitte ses fonctions ; son successeur sera présenté en {month}.',
  'Die Delegation aus {town} kommt im {monthDe}; {person} stimmt das Programm ab.',
  'Der Verein sucht Gastfamilien für {topic} im Herbst.',
  '{person} bittet um einen Brief zur Unterstützung des Förderantrags.',
  'They asked for a letter of support for {topic}.',
  'Follow up with {person} about the dates and the insurance for {topic}.',
  '{person} will send the programme of the visit to {town} by {month}.',
  'Discussion on the Erasmus+ partnership and the mobility grants with {town}.',
  'Photos et articles à transmettre au service communication.',
  'Salle réservée au jardin de la Ménagerie pour {topic}.',
  'Question des transports : car de {small} places depuis {town}.',
];

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const monthsDe = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Fills a template: {person}, {town}, {topic}, {month}, {monthDe}, {number}, {small}. */
function fill(rng: Random, template: string, towns: readonly string[], person: () => string) {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'person':
        return person();
      case 'town':
        return rng.pick(towns);
      case 'topic':
        return rng.pick(topics);
      case 'month':
        return rng.pick(months);
      case 'monthDe':
        return rng.pick(monthsDe);
      case 'number':
        return String(500 + rng.int(40) * 250);
      default:
        return String(2 + rng.int(40));
    }
  });
}

export function personName(rng: Random) {
  return `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
}

export function interactionSubject(rng: Random, towns: readonly string[]) {
  return fill(rng, rng.pick(subjectTemplates), towns, () => personName(rng));
}

/** One to three sentences. */
export function interactionNotes(rng: Random, towns: readonly string[]) {
  const sentences: string[] = [];
  const count = 1 + rng.int(3);
  for (let index = 0; index < count; index += 1) sentences.push(fill(rng, rng.pick(noteTemplates), towns, () => personName(rng)));
  return sentences.join(' ');
}

export function partnerDescription(rng: Random, towns: readonly string[]) {
  return fill(rng, rng.pick(noteTemplates), towns, () => personName(rng));
}
