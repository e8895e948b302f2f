import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Op } from 'sequelize';
import request, { type Response } from 'supertest';
import { foldText } from '../common/text';
import { AuditEvent } from '../audit/audit-event.model';
import { Contact } from '../contacts/contact.model';
import { Partner, PartnerTag } from '../partners/partner.model';
import { makePartner, signedIn, testContext, type TestClient } from '../testing/test-app';
import { maxImportRows, readTable } from './tabular-file';

let sequence = 0;
function unique(base: string) {
  sequence += 1;
  return `${base}${sequence}${Math.random().toString(36).slice(2, 7)}`;
}

/** Collects a streamed body as a Buffer (CSV, XLSX, vCard, NDJSON). */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void) {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

function upload(client: TestClient, step: 'analyse' | 'dry-run' | 'run', file: Buffer, fields: Record<string, string>, name = 'fichier.csv') {
  const request = client.post(`/api/v1/imports/${step}`);
  for (const [key, value] of Object.entries(fields)) request.field(key, value);
  return request.attach('file', file, name);
}

function ndjson(response: Response) {
  return (response.text ?? (response.body as Buffer).toString('utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function exportCsv(client: TestClient, path: string, query: Record<string, string>) {
  const response = await client.get(path).query({ ...query, format: 'csv' }).buffer(true).parse(binary);
  return { response, text: (response.body as Buffer).toString('utf8') };
}

function csvRows(text: string) {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));
}

describe('data in and out', () => {
  let admin: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    admin = await signedIn('admin');
  });

  describe('reading files', () => {
    it('reads a Windows-1252 file with ; as Excel writes it, and guesses French headers', async () => {
      const tag = unique('Cp');
      const text = `Nom;Type;Pays;Ville\r\nVille de Mödling ${tag};Ville jumelle;Autriche;Mödling\r\nÉcole Émile-Zola ${tag};Établissement scolaire;France;Sceaux\r\n`;
      const response = await upload(admin, 'analyse', iconv.encode(text, 'windows-1252'), { kind: 'partners' });
      expect(response.status).toBe(200);
      expect(response.body.encoding).toBe('windows-1252');
      expect(response.body.delimiter).toBe(';');
      expect(response.body.columns).toEqual(['Nom', 'Type', 'Pays', 'Ville']);
      expect(response.body.sample[0]).toEqual([`Ville de Mödling ${tag}`, 'Ville jumelle', 'Autriche', 'Mödling']);
      expect(response.body.mapping).toEqual(jasmine.objectContaining({ name: 0, kind: 1, country: 2, city: 3, status: null }));
      expect(response.body.rowCount).toBe(2);
    });

    it('reads UTF-8 with a BOM, commas, English headers and a quoted field spanning lines', async () => {
      const text = 'Name,Kind,Country,Description\n"Lund University",university,SE,"Line one\nline two; with ""quotes"""\n';
      const response = await upload(admin, 'analyse', Buffer.concat([bom, Buffer.from(text)]), { kind: 'partners' });
      expect(response.status).toBe(200);
      expect(response.body.encoding).toBe('utf-8');
      expect(response.body.delimiter).toBe(',');
      expect(response.body.columns[0]).toBe('Name');
      expect(response.body.sample[0][3]).toBe('Line one\nline two; with "quotes"');
      expect(response.body.mapping).toEqual(jasmine.objectContaining({ name: 0, kind: 1, country: 2, description: 3 }));
    });

    it('answers a malformed file with the line where it breaks', async () => {
      const text = 'Nom;Type\nA;Réseau\nB;Réseau\n"C;Réseau\nD;Réseau\n';
      const response = await upload(admin, 'analyse', Buffer.from(text), { kind: 'partners' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('malformed_file');
      expect(response.body.detail).toMatch(/ligne \d+/);
      const ragged = await upload(admin, 'analyse', Buffer.from('Nom;Type\nA;Réseau\nB;Réseau;en trop\n'), { kind: 'partners' });
      expect(ragged.status).toBe(400);
      expect(ragged.body.detail).toContain('ligne 3');
    });

    it('refuses a request without a file or with an unknown kind (400 per field)', async () => {
      const noFile = await admin.post('/api/v1/imports/analyse').field('kind', 'partners');
      expect(noFile.status).toBe(400);
      expect(noFile.body.errors).toEqual([jasmine.objectContaining({ path: 'file' })]);
      const badKind = await upload(admin, 'analyse', Buffer.from('Nom\nA\n'), { kind: 'projects' });
      expect(badKind.status).toBe(400);
      expect(badKind.body.errors[0].path).toBe('kind');
    });

    it('refuses a file of more rows than one import takes, saying so, and takes one at the limit', async () => {
      const lines = (count: number) => ['Nom;Type', ...Array.from({ length: count }, (_, index) => `Comité ${index};Association`)].join('\n');
      const tooLong = await upload(admin, 'analyse', Buffer.from(lines(maxImportRows + 1)), { kind: 'partners' });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.code).toBe('too_many_rows');
      expect(tooLong.body.detail).toMatch(/^Le fichier compte plus de 100\s000 lignes : découpez-le en plusieurs fichiers de 100\s000 lignes au plus\.$/);
      expect((await readTable(Buffer.from(lines(maxImportRows)))).rows.length).toBe(maxImportRows);

      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Feuille 1');
      sheet.addRow(['Nom', 'Type']);
      for (let index = 0; index < 4; index += 1) sheet.addRow([`Comité ${index}`, 'Association']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      expect((await readTable(xlsx, 'a.xlsx', 4)).rows.length).toBe(4);
      await expectAsync(readTable(xlsx, 'a.xlsx', 3)).toBeRejectedWith(jasmine.objectContaining({ code: 'too_many_rows' }));
    });

    it('reads an XLSX workbook', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Feuille 1');
      const name = unique('Université de Lund ');
      sheet.addRow(['Nom du partenaire', 'Catégorie', 'Pays', 'Mots-clés']);
      sheet.addRow([name, 'Université', 'Suède', 'Erasmus, EUGLOH']);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const analysis = await upload(admin, 'analyse', file, { kind: 'partners' }, 'partenaires.xlsx');
      expect(analysis.status).toBe(200);
      expect(analysis.body.format).toBe('xlsx');
      expect(analysis.body.mapping).toEqual(jasmine.objectContaining({ name: 0, kind: 1, country: 2, tags: 3 }));
      const run = await upload(admin, 'run', file, { kind: 'partners' }, 'partenaires.xlsx');
      expect(ndjson(run).at(-1)).toEqual({ type: 'done', created: 1, updated: 0, refused: 0 });
      const partner = await Partner.findOne({ where: { name } });
      expect(partner?.country).toBe('SE');
      expect((await PartnerTag.findAll({ where: { partnerId: partner!.id } })).map((row) => row.tag).sort()).toEqual(['EUGLOH', 'Erasmus']);
    });
  });

  describe('importing partners', () => {
    it('dry-runs row by row (create, update matched on name and country, refuse with the reason) and writes nothing', async () => {
      const existing = await makePartner({ name: unique('Freundeskreis Sceaux '), kind: 'association', country: 'DE' });
      const fresh = unique('Comité de jumelage ');
      const text = [
        'Nom;Type;Pays;Ville;Statut',
        `${fresh};Association;France;Sceaux;Actif`,
        `${existing.name};Association;DE;Bonn;En sommeil`,
        `${unique('Mauvais ')};Planète;France;;`,
        `${unique('Sans pays ')};Réseau;Atlantide;;`,
        `${fresh};Association;France;Sceaux;Actif`,
      ].join('\n');
      const response = await upload(admin, 'dry-run', Buffer.from(text), { kind: 'partners' });
      expect(response.status).toBe(200);
      expect(response.body.counts).toEqual({ create: 1, update: 1, refuse: 3 });
      const byLine = new Map<number, { action: string; reasons: string[]; targetId: number | null }>(response.body.rows.map((row: { line: number }) => [row.line, row]));
      expect(byLine.get(2)?.action).toBe('create');
      expect(byLine.get(3)).toEqual(jasmine.objectContaining({ action: 'update', targetId: existing.id }));
      expect(byLine.get(4)?.reasons[0]).toContain('« Planète » inconnu');
      expect(byLine.get(5)?.reasons[0]).toContain('« Atlantide » inconnu');
      expect(byLine.get(6)?.reasons[0]).toContain('ligne 2');
      expect(response.body.rows[0].action).toBe('refuse');
      expect(await Partner.count({ where: { name: fresh } })).toBe(0);
      await existing.reload();
      expect(existing.city).toBeNull();
    });

    it('imports in one transaction with progress lines, audits each record and makes it searchable', async () => {
      const existing = await makePartner({ name: unique('Stadt Königswinter '), kind: 'twin_town', country: 'GB' });
      const created = unique('Maison de l’Europe ');
      const text = [
        'Name;Kind;Country;City;Tags',
        `"${created}";network;FR;Sceaux;"Europe, jeunesse"`,
        `${existing.name};;GB;Königswinter am Rhein;`,
        `${unique('Refusé ')};;FR;;`,
      ].join('\r\n');
      const response = await upload(admin, 'run', Buffer.from(text), { kind: 'partners' }, 'partenaires.csv');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('application/x-ndjson');
      const lines = ndjson(response);
      expect(lines[0]).toEqual({ type: 'progress', done: 0, total: 2 });
      expect(lines.at(-1)).toEqual({ type: 'done', created: 1, updated: 1, refused: 1 });

      const partner = await Partner.findOne({ where: { name: created } });
      expect(partner).not.toBeNull();
      expect(partner!.sortName).toBe(foldText(created));
      expect(partner!.searchText).toContain('sceaux');
      expect((await PartnerTag.findAll({ where: { partnerId: partner!.id } })).map((row) => row.tag).sort()).toEqual(['Europe', 'jeunesse']);
      expect(await AuditEvent.count({ where: { entityType: 'partner', entityId: partner!.id, action: 'create', actorUserId: admin.user.id } })).toBe(1);
      await existing.reload();
      expect(existing.city).toBe('Königswinter am Rhein');
      expect(existing.kind).toBe('twin_town');
      expect(existing.version).toBe(1);
      const update = await AuditEvent.findOne({ where: { entityType: 'partner', entityId: existing.id, action: 'update' } });
      expect(update?.after).toEqual({ city: 'Königswinter am Rhein' });
      expect(await AuditEvent.count({ where: { action: 'import', entityType: 'partner', actorUserId: admin.user.id } })).toBeGreaterThan(0);

      const search = await admin.get('/api/v1/search').query({ q: `maison europe ${created.split(' ').at(-1)}` });
      expect(search.body.groups.find((group: { kind: string }) => group.kind === 'partner').items[0].id).toBe(partner!.id);
    });

    it('leaves nothing behind when the import fails half-way', async () => {
      const prefix = unique('Lot ');
      const rows = Array.from({ length: 700 }, (_, index) => `${prefix} ${index === 600 ? 'refusé par la base' : index};Association;FR`);
      const text = ['Nom;Type;Pays', ...rows].join('\n');
      // The database itself refuses row 600, after the first 500 rows were written.
      const { sequelize } = testContext();
      const mysql = sequelize.getDialect() === 'mysql';
      await sequelize.query(
        mysql
          ? "CREATE TRIGGER refuse_partner BEFORE INSERT ON partners FOR EACH ROW BEGIN IF NEW.name LIKE '%refusé par la base%' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'; END IF; END"
          : "CREATE TRIGGER refuse_partner BEFORE INSERT ON partners WHEN NEW.name LIKE '%refusé par la base%' BEGIN SELECT RAISE(ABORT, 'refused'); END",
      );
      try {
        const response = await upload(admin, 'run', Buffer.from(text), { kind: 'partners' });
        const lines = ndjson(response);
        expect(lines).toContain({ type: 'progress', done: 500, total: 700 });
        expect(lines.at(-1)).toEqual(jasmine.objectContaining({ type: 'error', status: 500 }));
      } finally {
        await sequelize.query('DROP TRIGGER refuse_partner');
      }
      expect(await Partner.count({ where: { name: `${prefix} 1` } })).toBe(0);
      expect(await Partner.count({ where: { name: `${prefix} 650` } })).toBe(0);
      expect(await AuditEvent.count({ where: { action: 'create', entityType: 'partner', after: { [Op.like]: `%${prefix} 1"%` } as never } })).toBe(0);
    });

    it('lets only administrators import (401, 403)', async () => {
      for (const role of ['officer', 'cabinet', 'association'] as const) {
        const client = await signedIn(role);
        expect((await upload(client, 'analyse', Buffer.from('Nom\nA\n'), { kind: 'partners' })).status).toBe(403);
      }
      const response = await request(testContext().app).post('/api/v1/imports/run');
      expect(response.status).toBe(401);
    });
  });

  describe('importing contacts', () => {
    it('matches people on e-mail, links them to partners by name, and refuses unknown partners', async () => {
      const partner = await makePartner({ name: unique('Rathaus Mödling '), kind: 'twin_town', country: 'DE' });
      const known = (
        await admin.post('/api/v1/contacts').send({ lastName: unique('Schmidt'), firstName: 'Anna', emails: [`${unique('anna')}@moedling.at`], legalBasis: 'public_task' })
      ).body;
      const newEmail = `${unique('jan')}@moedling.at`;
      const text = [
        'Prénom;Nom;Courriel;Fonction;Partenaire;Rôle;Langues',
        `Anna;${known.lastName};${known.emails[0].toUpperCase()};Beigeordnete;${partner.name};Adjointe;de, fr`,
        `Jan;Müller;${newEmail};;${partner.name};Maire;de`,
        `Eva;Klein;;;${unique('Inconnu ')};;`,
      ].join('\n');
      const plan = await upload(admin, 'dry-run', Buffer.from(text), { kind: 'contacts', legalBasis: 'public_task' });
      expect(plan.status).toBe(200);
      expect(plan.body.counts).toEqual({ create: 1, update: 1, refuse: 1 });
      expect(plan.body.rows[0].reasons[0]).toContain('n’est pas enregistré');

      const run = await upload(admin, 'run', Buffer.from(text), { kind: 'contacts', legalBasis: 'public_task' });
      expect(ndjson(run).at(-1)).toEqual({ type: 'done', created: 1, updated: 1, refused: 1 });
      const updated = (await admin.get(`/api/v1/contacts/${known.id}`)).body;
      expect(updated.jobTitle).toBe('Beigeordnete');
      expect(updated.languages).toEqual(['de', 'fr']);
      expect(updated.affiliations[0]).toEqual(jasmine.objectContaining({ role: 'Adjointe', partner: jasmine.objectContaining({ id: partner.id }) }));
      const jan = (await admin.get('/api/v1/contacts').query({ q: newEmail })).body.items;
      expect(jan.length).toBe(1);
      expect(jan[0].affiliations[0].partner.id).toBe(partner.id);
    });

    it('asks for a legal basis when neither the file nor the form gives one', async () => {
      const plan = await upload(admin, 'dry-run', Buffer.from(`Nom;E-mail\n${unique('Sans base')};${unique('x')}@example.org\n`), { kind: 'contacts' });
      expect(plan.body.counts.refuse).toBe(1);
      expect(plan.body.rows[0].reasons[0]).toContain('Base légale');
    });
  });

  describe('exports', () => {
    it('exports the filtered partners as CSV with a BOM whose rows read back as imported', async () => {
      const tag = unique('Rt');
      const text = ['Nom;Type;Pays;Ville', `Ville de Mödling ${tag};Ville jumelle;Autriche;Mödling`, `Škola Žilina ${tag};Établissement scolaire;Slovaquie;Žilina`].join('\r\n');
      const run = await upload(admin, 'run', iconv.encode(text.replace(/[ŠŽž]/g, 'Z'), 'windows-1252'), { kind: 'partners' });
      expect(ndjson(run).at(-1)).toEqual({ type: 'done', created: 2, updated: 0, refused: 0 });
      const { response, text: csv } = await exportCsv(admin, '/api/v1/exports/partners', { q: tag });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toMatch(/attachment; filename="partenaires-\d{4}-\d{2}-\d{2}\.csv"/);
      expect((response.body as Buffer).subarray(0, 3)).toEqual(bom);
      const rows = csvRows(csv);
      expect(rows[0]!.slice(0, 4)).toEqual(['Nom', 'Type', 'Pays', 'Ville']);
      expect(rows.slice(1).map((row) => row.slice(0, 4))).toEqual([
        [`Ville de Mödling ${tag}`, 'Ville jumelle', 'Autriche', 'Mödling'],
        [`Zkola Zilina ${tag}`, 'Établissement scolaire', 'Slovaquie', 'Zilina'],
      ]);
    });

    it('streams a long list in keyset batches, every row once', async () => {
      const tag = unique('Lg');
      const rows = Array.from({ length: 2_345 }, (_, index) => `Partenaire ${tag} ${String(index).padStart(4, '0')};Association;FR`);
      const run = await upload(admin, 'run', Buffer.from(['Nom;Type;Pays', ...rows].join('\n')), { kind: 'partners' });
      expect(ndjson(run).at(-1)).toEqual(jasmine.objectContaining({ created: 2_345 }));
      const { text } = await exportCsv(admin, '/api/v1/exports/partners', { q: tag });
      const names = csvRows(text).slice(1).map((row) => row[0]);
      expect(names.length).toBe(2_345);
      expect(new Set(names).size).toBe(2_345);
      expect(names[0]).toBe(`Partenaire ${tag} 0000`);
      expect(names.at(-1)).toBe(`Partenaire ${tag} 2344`);
    });

    it('exports contacts as XLSX and vCard', async () => {
      const lastName = unique('Dupont');
      await admin.post('/api/v1/contacts').send({ firstName: 'Élise', lastName, emails: [`${lastName}@sceaux.fr`], phones: ['+33 1 41 13 33 00'], jobTitle: 'Chargée; de mission', legalBasis: 'public_task' });
      const xlsx = await admin.get('/api/v1/exports/contacts').query({ q: lastName, format: 'xlsx' }).buffer(true).parse(binary);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as never);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).getCell(2).value).toBe('Nom');
      expect(sheet.getRow(2).getCell(1).value).toBe('Élise');
      expect(sheet.getRow(2).getCell(2).value).toBe(lastName);
      expect(sheet.rowCount).toBe(2);

      const vcf = await admin.get('/api/v1/exports/contacts').query({ q: lastName, format: 'vcf' }).buffer(true).parse(binary);
      const card = (vcf.body as Buffer).toString('utf8');
      expect(vcf.headers['content-type']).toContain('text/vcard');
      expect(card).toContain('BEGIN:VCARD\r\nVERSION:4.0\r\n');
      expect(card).toContain(`FN:Élise ${lastName}`);
      expect(card).toContain(`N:${lastName};Élise;;;`);
      expect(card).toContain('TITLE:Chargée\\; de mission');
      expect(card).toContain(`EMAIL;TYPE=work:${lastName}@sceaux.fr`);
      expect(card).toContain('TEL;TYPE=work,voice;VALUE=uri:tel:+33141133300');
    });

    it('exports the filtered interactions and follow-ups', async () => {
      const partner = await makePartner({ name: unique('Ville de Zilina ') });
      const subject = unique('Conseil de jumelage ');
      const created = await admin.post('/api/v1/interactions').send({
        type: 'meeting',
        subject,
        occurredAt: '2026-11-02T14:30:00+01:00',
        partnerIds: [partner.id],
        followUps: [{ title: 'Envoyer le compte rendu', dueOn: '2026-11-10', assigneeUserId: admin.user.id }],
      });
      expect(created.status).toBe(201);
      await admin.post('/api/v1/interactions').send({ type: 'call', subject: unique('Autre '), partnerIds: [(await makePartner()).id] });
      const { text } = await exportCsv(admin, '/api/v1/exports/interactions', { partner: String(partner.id) });
      const rows = csvRows(text);
      expect(rows[0]!.slice(0, 4)).toEqual(['Date', 'Type', 'Objet', 'Partenaires']);
      expect(rows.slice(1)).toEqual([jasmine.arrayContaining(['02/11/2026 14:30', 'Réunion', subject, partner.name])]);
      const followUps = csvRows((await exportCsv(admin, '/api/v1/exports/follow-ups', { partner: String(partner.id) })).text);
      expect(followUps.length).toBe(2);
      expect(followUps[1]!.slice(0, 3)).toEqual(['10/11/2026', 'Envoyer le compte rendu', 'À faire']);
      const xlsx = await admin.get('/api/v1/exports/interactions').query({ partner: String(partner.id), format: 'xlsx' }).buffer(true).parse(binary);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as never);
      expect(workbook.worksheets[0]!.getRow(2).getCell(3).value).toBe(subject);
    });

    it('lets readers export, not associations; refuses an unknown format', async () => {
      const cabinet = await signedIn('cabinet');
      expect((await cabinet.get('/api/v1/exports/partners').buffer(true).parse(binary)).status).toBe(200);
      const association = await signedIn('association');
      expect((await association.get('/api/v1/exports/contacts')).status).toBe(403);
      const bad = await admin.get('/api/v1/exports/partners').query({ format: 'pdf' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('query.format');
    });

    it('neutralises cells a spreadsheet would run as formulas', async () => {
      const name = `=HYPERLINK("x") ${unique('F')}`;
      await makePartner({ name });
      const { text } = await exportCsv(admin, '/api/v1/exports/partners', { q: name.slice(-8) });
      expect(text).toContain(`'=HYPERLINK`);
    });
  });

  describe('data protection', () => {
    async function person() {
      const partner = await makePartner({ name: unique('Université Paris-Saclay '), kind: 'university' });
      const lastName = unique('Zorglub');
      const contact = (
        await admin.post('/api/v1/contacts').send({
          firstName: 'Hélène',
          lastName,
          emails: [`${lastName}@example.org`],
          notes: 'Rencontrée au forum',
          legalBasis: 'consent',
          consentOn: '2025-06-01',
          consentSource: 'Formulaire',
          affiliations: [{ partnerId: partner.id, role: 'Vice-présidente' }],
        })
      ).body;
      return { contact, partner };
    }

    it('exports everything held on a person as JSON and HTML, for admins only, audited', async () => {
      const { contact, partner } = await person();
      const logged = await admin.post('/api/v1/interactions').send({ type: 'visit', subject: 'Visite du campus', notes: 'Échange sur Erasmus', contactIds: [contact.id], partnerIds: [partner.id] });
      expect(logged.status).toBe(201);
      const json = await admin.post(`/api/v1/contacts/${contact.id}/personal-data`);
      expect(json.status).toBe(200);
      expect(json.body.person).toEqual(jasmine.objectContaining({ lastName: contact.lastName, legalBasis: 'consent', consentOn: '2025-06-01', notes: 'Rencontrée au forum' }));
      const sections = new Map(json.body.sections.map((section: { name: string; items: unknown[] }) => [section.name, section.items]));
      expect(sections.get('affiliations')).toEqual([jasmine.objectContaining({ partner: partner.name, role: 'Vice-présidente' })]);
      expect((sections.get('history') as unknown[]).length).toBe(1);
      expect(sections.get('interactions')).toEqual([jasmine.objectContaining({ type: 'Visite', subject: 'Visite du campus', notes: 'Échange sur Erasmus', partners: [partner.name] })]);
      const html = await admin.post(`/api/v1/contacts/${contact.id}/personal-data`).query({ format: 'html' });
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.text).toContain(`Données personnelles détenues sur Hélène ${contact.lastName}`);
      expect(html.text).toContain('Consentement');
      expect(html.text).toContain('01/06/2025');
      expect(html.text).toContain('Échanges auxquels la personne a pris part (1)');
      expect(html.text).toContain('Visite du campus');
      expect(await AuditEvent.count({ where: { entityType: 'contact', entityId: contact.id, action: 'data_export' } })).toBe(2);
      const officer = await signedIn('officer');
      expect((await officer.post(`/api/v1/contacts/${contact.id}/personal-data`)).status).toBe(403);
      expect((await officer.post(`/api/v1/contacts/${contact.id}/erase`).send({ version: 0, reason: 'demande' })).status).toBe(403);
    });

    it('erases a person everywhere: record, search, exports, history; the row stays for what points at it', async () => {
      const { contact, partner } = await person();
      const interaction = (
        await admin.post('/api/v1/interactions').send({
          type: 'meeting',
          subject: `Rencontre avec Hélène ${contact.lastName}`,
          notes: `Écrire à ${contact.emails[0]} ; ${contact.lastName} viendra en mars.`,
          contactIds: [contact.id],
          partnerIds: [partner.id],
        })
      ).body;
      expect((await admin.post(`/api/v1/contacts/${contact.id}/erase`).send({ version: contact.version + 1, reason: 'Demande du 2/12' })).status).toBe(409);
      expect((await admin.post(`/api/v1/contacts/${contact.id}/erase`).send({ version: contact.version })).status).toBe(400);
      const erased = await admin.post(`/api/v1/contacts/${contact.id}/erase`).send({ version: contact.version, reason: 'Demande reçue par courrier' });
      expect(erased.status).toBe(204);

      const row = await Contact.findByPk(contact.id, { paranoid: false });
      expect(row).toEqual(jasmine.objectContaining({ firstName: null, lastName: 'Personne effacée', notes: null, emails: [], consentSource: null }));
      expect(row!.erasedAt).toEqual(jasmine.any(Date));
      expect(row!.deletedAt).toEqual(jasmine.any(Date));
      const search = await admin.get('/api/v1/search').query({ q: contact.lastName });
      expect(search.body.groups.every((group: { total: number }) => group.total === 0)).toBeTrue();
      expect((await admin.get('/api/v1/contacts').query({ q: contact.lastName })).body.items).toEqual([]);
      const { text } = await exportCsv(admin, '/api/v1/exports/contacts', {});
      expect(text).not.toContain(contact.lastName);
      const history = await AuditEvent.findAll({ where: { entityType: 'contact', entityId: contact.id } });
      expect(JSON.stringify(history.map((event) => [event.before, event.after]))).not.toContain(contact.lastName);
      expect(history.map((event) => event.action)).toEqual(jasmine.arrayContaining(['create', 'erase']));
      // The interaction stays in the partner's history, without the person.
      const kept = (await admin.get(`/api/v1/interactions/${interaction.id}`)).body;
      expect(kept.subject).toBe('Rencontre avec [personne effacée]');
      expect(kept.notes).toBe('Écrire à [personne effacée] ; [personne effacée] viendra en mars.');
      expect(kept.contacts).toEqual([{ id: contact.id, fullName: 'Personne effacée' }]);
      expect(kept.partners.map((item: { id: number }) => item.id)).toEqual([partner.id]);
      const interactionHistory = await AuditEvent.findAll({ where: { entityType: 'interaction', entityId: interaction.id } });
      expect(JSON.stringify(interactionHistory.map((event) => [event.before, event.after]))).not.toContain(contact.lastName);
      const { text: interactionsCsv } = await exportCsv(admin, '/api/v1/exports/interactions', { partner: String(partner.id) });
      expect(interactionsCsv).toContain('Rencontre avec [personne effacée]');
      expect(interactionsCsv).not.toContain(contact.lastName);
      expect((await admin.post(`/api/v1/contacts/${contact.id}/restore`)).status).toBe(409);
      expect((await admin.post(`/api/v1/contacts/${contact.id}/erase`).send({ version: row!.version, reason: 'encore' })).status).toBe(409);
      expect((await admin.post(`/api/v1/contacts/${contact.id}/personal-data`)).status).toBe(409);
    });

    it('lists contacts without activity for three years; an admin keeps some with a reason and erases others', async () => {
      const { contact: old } = await person();
      const { contact: older } = await person();
      const { contact: recent } = await person();
      const fourYearsAgo = new Date(Date.now() - 4 * 365 * 24 * 3600 * 1000);
      const { contact: active } = await person();
      await Contact.update({ createdAt: fourYearsAgo }, { where: { id: [old.id, older.id, active.id] }, silent: true });
      await admin.post('/api/v1/interactions').send({ type: 'call', subject: 'Appel', contactIds: [active.id], occurredAt: new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString() });
      const ids = async () => {
        const found: number[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: { items: { id: number }[]; nextCursor: string | null } } = await admin.get('/api/v1/data-protection/retention').query({ limit: 100, ...(cursor ? { cursor } : {}) });
          found.push(...page.body.items.map((item) => item.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        return found;
      };
      const listed = await ids();
      expect(listed).toContain(old.id);
      expect(listed).toContain(older.id);
      expect(listed).not.toContain(recent.id);
      expect(listed).not.toContain(active.id);

      const keep = await admin.post('/api/v1/data-protection/retention/keep').send({ ids: [old.id], reason: 'Partenaire actif du jumelage' });
      expect(keep.body).toEqual({ count: 1 });
      const erase = await admin.post('/api/v1/data-protection/retention/erase').send({ ids: [older.id], reason: 'Revue de conservation' });
      expect(erase.body).toEqual({ count: 1 });
      const after = await ids();
      expect(after).not.toContain(old.id);
      expect(after).not.toContain(older.id);
      expect((await Contact.findByPk(old.id))?.retentionReason).toBe('Partenaire actif du jumelage');
      expect((await Contact.findByPk(older.id, { paranoid: false }))?.lastName).toBe('Personne effacée');
      expect((await admin.post('/api/v1/data-protection/retention/erase').send({ ids: [older.id], reason: 'encore' })).status).toBe(400);
    });
  });
});
