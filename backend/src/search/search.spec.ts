import request from 'supertest';
import { Partner, PartnerTag } from '../partners/partner.model';
import { makePartner, signedIn, testContext } from '../testing/test-app';
import { rebuildSearchIndex, reindex } from './search-index';
import { SearchEntry } from './search-entry.model';
import { highlightRanges, queryTokens, snippet } from './search-text';

type Group = { kind: string; total: number; items: { id: number; title: string; titleHighlights: [number, number][]; snippet: string; url: string }[] };

describe('GET /api/v1/search', () => {
  let officer: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    officer = await signedIn('officer');
  });

  async function find(q: string, extra: Record<string, string> = {}) {
    const response = await officer.get('/api/v1/search').query({ q, ...extra });
    expect(response.status).withContext(`q=${q}`).toBe(200);
    return response.body.groups as Group[];
  }
  const partnerTitles = async (q: string) => (await find(q, { kinds: 'partner', limit: '50' }))[0]!.items.map((item) => item.title);

  it('ignores accents and case: bruhl finds Brühl, with the match highlighted and a link', async () => {
    const [partners] = await find('bruhl');
    expect(partners!.kind).toBe('partner');
    const bruhl = partners!.items[0]!;
    expect(bruhl.title).toBe('Brühl');
    expect(bruhl.titleHighlights).toEqual([[0, 5]]);
    expect(bruhl.url).toMatch(/^\/partenaires\/\d+$/);
    expect(await partnerTitles('BRÜHL')).toContain('Brühl');
  });

  it('matches prefixes: leam, eloge, jumel', async () => {
    expect(await partnerTitles('leamington')).toContain('Royal Leamington Spa');
    expect(await partnerTitles('leam')).toContain('Royal Leamington Spa');
    expect(await partnerTitles('eloge')).toContain('ELoGE');
    // Brühl carries the tag "jumelage".
    expect(await partnerTitles('jumel')).toContain('Brühl');
  });

  it('finds a partner by a local name in another script, and by its Latin name', async () => {
    expect(await partnerTitles('Зеленодольськ')).toContain('Zelenodolsk');
    expect(await partnerTitles('zelenodolsk')).toContain('Zelenodolsk');
  });

  it('requires every word: "universite saclay" finds Paris-Saclay, not every university', async () => {
    const titles = await partnerTitles('universite saclay');
    expect(titles).toContain('Université Paris-Saclay');
    expect(titles).not.toContain('Lund University');
  });

  it('ranks a match in the name above a match in the text', async () => {
    const stamp = `zq${Date.now().toString(36)}`;
    const inText = await makePartner({ name: `Association des amis de Lyon ${stamp}a` });
    await Partner.update({ description: `Partenaire historique de Quimperlé ${stamp}` }, { where: { id: inText.id } });
    const inName = await makePartner({ name: `Quimperlé ${stamp}` });
    await reindex(null, 'partner', [inText.id, inName.id]);
    const titles = await partnerTitles(`quimperle ${stamp}`);
    expect(titles).toEqual([`Quimperlé ${stamp}`, `Association des amis de Lyon ${stamp}a`]);
  });

  it('puts the record whose whole name was typed first, whatever the length of its text', async () => {
    const other = await makePartner({ name: `Städtepartnerschaftsverein Brühl ${Date.now()}`, country: 'DE' });
    await reindex(null, 'partner', [other.id]);
    const titles = await partnerTitles('bruhl');
    expect(titles[0]).toBe('Brühl');
    expect(titles).toContain(other.name);
  });

  it('never shows a deleted record', async () => {
    const partner = await makePartner({ name: `Ville disparue ${Date.now()}` });
    await reindex(null, 'partner', [partner.id]);
    expect(await partnerTitles('ville disparue')).toContain(partner.name);
    await partner.destroy();
    await reindex(null, 'partner', [partner.id]);
    expect(await partnerTitles('ville disparue')).not.toContain(partner.name);
  });

  it('treats any text as a search, never as an error or an operator', async () => {
    const hostile = [
      '"bruhl',
      '(bruhl',
      'bruhl)',
      '"(bruhl)"',
      '+bruhl -zz*',
      '*',
      '"',
      'NEAR(a b)',
      'bruhl AND OR NOT',
      "'; DROP TABLE partners; --",
      '%_\\',
      '@@@',
      '🙂',
      'a'.repeat(200),
    ];
    for (const q of hostile) {
      const response = await officer.get('/api/v1/search').query({ q });
      expect(response.status).withContext(JSON.stringify(q)).toBe(200);
      expect(Array.isArray(response.body.groups)).withContext(JSON.stringify(q)).toBeTrue();
    }
    expect(await partnerTitles('"(bruhl)"')).toContain('Brühl');
    // A NUL character cannot be typed; like everywhere in the API, it is refused with a clear 400.
    const nul = await officer.get('/api/v1/search').query({ q: '\u0000bruhl' });
    expect(nul.status).toBe(400);
    expect(await Partner.count()).toBeGreaterThan(0);
  });

  it('filters by kind of partner and country, and counts every match', async () => {
    const germans = (await find('universit', { kinds: 'partner', country: 'DE', limit: '50' }))[0]!;
    expect(germans.items.map((item) => item.title).sort()).toEqual(['LMU Munich', 'University of Hamburg']);
    expect(germans.total).toBe(2);
    const twins = (await find('spa', { kinds: 'partner', partnerKind: 'twin_town', limit: '50' }))[0]!;
    // Other specs make twin towns of their own: the seeded one is there, and only twin towns.
    expect(twins.items.map((item) => item.title)).toContain('Royal Leamington Spa');
    const kinds = await Partner.findAll({ where: { id: twins.items.map((item) => item.id) }, attributes: ['kind'] });
    expect(new Set(kinds.map((partner) => partner.kind))).toEqual(new Set(['twin_town']));
  });

  it('filters by objective of the plan: a partner by its own objectives, a person by those of their partner', async () => {
    const stamp = `Quetzalobjectif${Date.now()}`;
    const serving = await officer.post('/api/v1/partners').send({ name: `${stamp} Jeunesse`, kind: 'association', country: 'FR', objectiveIds: [2] });
    const other = await officer.post('/api/v1/partners').send({ name: `${stamp} Culture`, kind: 'association', country: 'FR', objectiveIds: [1] });
    expect([serving.status, other.status]).toEqual([201, 201]);
    const person = await officer
      .post('/api/v1/contacts')
      .send({ firstName: 'Iris', lastName: stamp, legalBasis: 'public_task', affiliations: [{ partnerId: serving.body.id }] });
    expect(person.status).toBe(201);

    const everything = await find(stamp.toLowerCase(), { kinds: 'partner,contact' });
    expect(everything.map((group) => group.total)).toEqual([2, 1]);
    const filtered = await find(stamp.toLowerCase(), { kinds: 'partner,contact', objective: '2' });
    expect(filtered[0]!.items.map((item) => item.title)).toEqual([`${stamp} Jeunesse`]);
    expect(filtered[1]!.items.map((item) => item.id)).toEqual([person.body.id]);
    const none = await find(stamp.toLowerCase(), { kinds: 'partner,contact', objective: '3' });
    expect(none.map((group) => group.total)).toEqual([0, 0]);
    expect((await officer.get('/api/v1/search').query({ q: 'x', objective: 'jeunesse' })).status).toBe(400);
  });

  it('finds a name typed whole, short words included ("de", "l"), on every database', async () => {
    const name = `Maison de l’Europe des Hauts-de-Seine ${Date.now()}`;
    const created = await officer.post('/api/v1/partners').send({ name, kind: 'association', country: 'FR' });
    expect(created.status).toBe(201);
    expect(await partnerTitles(name)).toContain(name);
    expect((await partnerTitles('maison de l europe'))[0]).toMatch(/^Maison de l’Europe/);
    // Only short words still find names that start with them.
    const stamp = name.split(' ').pop()!;
    const twoLetters = await officer.post('/api/v1/partners').send({ name: `Ry ${stamp}`, kind: 'association', country: 'FR' });
    expect(twoLetters.status).toBe(201);
    expect(await partnerTitles('ry')).toContain(`Ry ${stamp}`);
  });

  it('validates its query', async () => {
    expect((await officer.get('/api/v1/search').query({ q: '' })).status).toBe(400);
    expect((await officer.get('/api/v1/search').query({ q: 'x', kinds: 'spaceship' })).status).toBe(400);
    expect((await officer.get('/api/v1/search').query({ q: 'x', limit: '1000' })).status).toBe(400);
    expect((await request(testContext().app).get('/api/v1/search').query({ q: 'bruhl' })).status).toBe(401);
  });

  it('lets an association find only its own public profile', async () => {
    const own = await makePartner({ name: `Les Amis de Madagascar ${Date.now()}`, kind: 'association' });
    await Partner.update(
      { publicActivities: 'Soutien scolaire à Antananarivo', description: 'Note interne : subvention en retard' },
      { where: { id: own.id } },
    );
    await reindex(null, 'partner', [own.id]);
    const association = await signedIn('association', { partnerId: own.id });
    const search = async (q: string) => ((await association.get('/api/v1/search').query({ q })).body.groups as Group[]).flatMap((group) => group.items);

    expect((await search('antananarivo')).map((item) => [item.id, item.url])).toEqual([[own.id, '/portail']]);
    expect(await search('bruhl')).toEqual([]);
    expect(await search('subvention')).toEqual([]);
  });
});

describe('the search index', () => {
  it('is rebuilt from the tables with the same results', async () => {
    const partner = await makePartner({ name: `Reconstruite ${Date.now()}` });
    await PartnerTag.create({ partnerId: partner.id, tag: 'reconstruction' });
    await SearchEntry.destroy({ where: { kind: 'partner', recordId: partner.id } });
    const counts = await rebuildSearchIndex(['partner']);
    expect(counts['partner']).toBe(await Partner.count());
    const entry = await SearchEntry.findOne({ where: { kind: 'partner', recordId: partner.id } });
    expect(entry?.bodyFolded).toContain('reconstruction');
    expect(await SearchEntry.count({ where: { kind: 'partner' } })).toBe(await Partner.count());
  });
});

describe('search text helpers', () => {
  it('fold what users type into plain words', () => {
    expect(queryTokens('  "Brühl" (Königswinter) +OR- ')).toEqual(['bruhl', 'konigswinter', 'or']);
    expect(queryTokens('***')).toEqual([]);
  });

  it('highlight whole words that start with a token, on the original text', () => {
    expect(highlightRanges('Jumelage avec Brühl, jumelée', ['jumel', 'bruhl'])).toEqual([
      [0, 8],
      [14, 19],
      [21, 28],
    ]);
  });

  it('cut a snippet around the first match', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}Réunion à Brühl sur le climat. ${'Fin du texte. '.repeat(20)}`;
    const { snippet: cut, highlights } = snippet(text, ['bruhl']);
    expect(cut.length).toBeLessThanOrEqual(184);
    expect(cut.startsWith('… ')).toBeTrue();
    expect(highlights.length).toBe(1);
    expect(cut.slice(highlights[0]![0], highlights[0]![1])).toBe('Brühl');
  });
});

describe('searching people', () => {
  let officer: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    officer = await signedIn('officer');
  });
  const people = async (q: string) => {
    const response = await officer.get('/api/v1/search').query({ q, kinds: 'contact', limit: '50' });
    expect(response.status).toBe(200);
    return (response.body.groups as Group[])[0]!.items.map((item) => item.title);
  };

  it('finds a person by name without accents, by e-mail, and by the partner they work for, until deleted', async () => {
    const stamp = Date.now().toString(36);
    const partner = await makePartner({ name: `Stadtverwaltung Königswinter ${stamp}`, country: 'DE' });
    const created = await officer.post('/api/v1/contacts').send({
      firstName: 'Jürgen',
      lastName: `Schäfer${stamp}`,
      emails: [`j.schaefer.${stamp}@koenigswinter.example`],
      legalBasis: 'public_task',
      affiliations: [{ partnerId: partner.id, role: 'Bürgermeister' }],
    });
    expect(created.status).toBe(201);
    const name = `Jürgen Schäfer${stamp}`;
    expect(await people(`jurgen schafer${stamp}`)).toEqual([name]);
    expect(await people(`j.schaefer.${stamp}`)).toEqual([name]);
    expect(await people(`konigswinter ${stamp} burgermeister`)).toEqual([name]);

    const renamed = await officer.patch(`/api/v1/partners/${partner.id}`).send({ name: `Stadt Bonn ${stamp}`, version: partner.version });
    expect(renamed.status).toBe(200);
    expect(await people(`bonn ${stamp}`)).toEqual([name]);

    expect((await officer.delete(`/api/v1/contacts/${created.body.id}`)).status).toBe(204);
    expect(await people(`schafer${stamp}`)).toEqual([]);
    expect((await officer.post(`/api/v1/contacts/${created.body.id}/restore`)).status).toBe(200);
    expect(await people(`schafer${stamp}`)).toEqual([name]);
  });
});
