import type { RequestHandler } from 'express';
import multer from 'multer';
import { IdParams } from '../common/fields.schema';
import { ContactListQuery } from '../contacts/contacts.schema';
import type { Api } from '../http/api';
import { PageQuery } from '../http/pagination.schema';
import { Problem, problems } from '../http/problem';
import { PartnerListQuery } from '../partners/partners.schema';
import { readers } from '../partners/partners.routes';
import type { CurrentUser, Role } from '../users/users.schema';
import { contactPersonalData, eraseContact, eraseContacts, keepContacts, personalDataHtml, retentionReview } from './data-protection.service';
import {
  ContactExportFormat,
  DataExportFormat,
  DecisionResult,
  ErasureRequest,
  ExportFormat,
  ImportAnalysis,
  ImportForm,
  ImportPlan,
  RetentionDecision,
  RetentionPage,
  type ImportProgress,
} from './data.schema';
import { sendExport, sendText } from './exporter';
import { analyseTable, dryRunImport, runImport } from './import.service';
import { contactBatches, contactExport, followUpExport, interactionExport, partnerExport, vcardOf } from './list-exports';
import type { Config } from '../config';
import { FollowUpListQuery } from '../follow-ups/follow-ups.schema';
import { clockFor } from '../follow-ups/follow-ups.service';
import { InteractionListQuery } from '../interactions/interactions.schema';
import { interactionRoles } from '../interactions/interactions.routes';
import { readTable } from './tabular-file';

/** Imports and data-protection requests are the administrators' (see DESIGN: who uses it). */
const admins: readonly Role[] = ['admin'];

export const maxImportBytes = 50 * 1024 * 1024;

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxImportBytes, files: 1, fields: 10 } });

/**
 * Reads the multipart upload only for an administrator: anyone else gets the route's own 401/403
 * without the server taking their file into memory first.
 */
const uploadFile: RequestHandler = (req, res, next) => {
  const user = req.user as CurrentUser | undefined;
  if (!user || !admins.includes(user.role)) return next();
  upload.single('file')(req, res, (error: unknown) => {
    if (!error) return next();
    if (error instanceof multer.MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE') return next(new Problem(413, 'payload_too_large', 'Fichier trop volumineux', `Le fichier dépasse ${maxImportBytes / 1024 / 1024} Mo ; découpez-le en plusieurs fichiers.`));
      return next(problems.badRequest('malformed_upload', 'Envoi de fichier invalide : un seul fichier, dans le champ « file ».'));
    }
    next(problems.badRequest('malformed_upload', 'Envoi de fichier invalide.'));
  });
};

function uploadedFile(req: Express.Request & { file?: Express.Multer.File }) {
  if (!req.file) throw problems.invalid([{ path: 'file', message: 'Choisissez un fichier CSV ou XLSX.' }]);
  return req.file;
}

const listOnly = { limit: true, cursor: true } as const;
const PartnerExportQuery = PartnerListQuery.omit(listOnly).extend({ format: ExportFormat.default('csv') });
const ContactExportQuery = ContactListQuery.omit(listOnly).extend({ format: ContactExportFormat.default('csv') });
const InteractionExportQuery = InteractionListQuery.omit(listOnly).extend({ format: ExportFormat.default('csv') });
const FollowUpExportQuery = FollowUpListQuery.omit(listOnly).extend({ format: ExportFormat.default('csv') });

function filtersOf(query: Record<string, unknown>) {
  const { format: _format, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

export function dataRoutes(api: Api, { config }: { config: Config }) {
  const clock = () => clockFor(config.timeZone);
  const importPaths = ['/imports/analyse', '/imports/dry-run', '/imports/run'];
  api.router.post(importPaths, uploadFile);

  api.route({
    method: 'post',
    path: '/imports/analyse',
    summary: 'Reads an uploaded CSV or XLSX file (multipart: file, kind): its columns, a sample and a guessed column mapping',
    description: 'UTF-8 with or without BOM, or Windows-1252; `;`, `,` or tab separators. A malformed file is a 400 `malformed_file` naming the line.',
    tags: ['data'],
    access: admins,
    body: ImportForm,
    response: ImportAnalysis,
    errors: [413],
    handler: async ({ body, req }) => {
      const file = uploadedFile(req);
      return analyseTable(body.kind, await readTable(file.buffer, file.originalname));
    },
  });

  api.route({
    method: 'post',
    path: '/imports/dry-run',
    summary: 'What importing the file would do to each row: create, update (matched on name and country, or e-mail) or refuse, and why',
    tags: ['data'],
    access: admins,
    body: ImportForm,
    response: ImportPlan,
    errors: [413],
    handler: async ({ body, req }) => {
      const file = uploadedFile(req);
      return dryRunImport(await readTable(file.buffer, file.originalname), body);
    },
  });

  api.route({
    method: 'post',
    path: '/imports/run',
    summary: 'Imports the accepted rows in one transaction; answers application/x-ndjson progress lines, then `done` or `error`',
    tags: ['data'],
    access: admins,
    body: ImportForm,
    errors: [413],
    handler: async ({ body, req, res, user }) => {
      const file = uploadedFile(req);
      const table = await readTable(file.buffer, file.originalname);
      res.status(200).setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      res.setHeader('X-Accel-Buffering', 'no');
      const send = (line: ImportProgress) => res.write(`${JSON.stringify(line)}\n`);
      let last = -1;
      try {
        const result = await runImport(table, body, file.originalname, user, (done, total) => {
          if (done === last) return;
          last = done;
          send({ type: 'progress', done, total });
        });
        send({ type: 'done', ...result });
      } catch (error) {
        // The transaction was rolled back: nothing of the file is written.
        const problem = error instanceof Problem ? error : problems.internal();
        if (!(error instanceof Problem)) req.log?.error({ err: error }, 'import failed');
        send({ type: 'error', status: problem.status, code: problem.code, detail: problem.detail ?? problem.title });
      }
      res.end();
    },
  });

  api.route({
    method: 'get',
    path: '/exports/partners',
    summary: 'The filtered partners list as CSV (UTF-8 with BOM, `;`) or XLSX, streamed',
    description: 'Takes the filters of GET /partners.',
    tags: ['data'],
    access: readers,
    query: PartnerExportQuery,
    handler: ({ query, req, res }) => sendExport(req, res, partnerExport(query), query.format, filtersOf(query)),
  });

  api.route({
    method: 'get',
    path: '/exports/contacts',
    summary: 'The filtered contacts list as CSV, XLSX or vCard (vcf), streamed',
    description: 'Takes the filters of GET /contacts.',
    tags: ['data'],
    access: readers,
    query: ContactExportQuery,
    handler: ({ query, req, res }) =>
      query.format === 'vcf'
        ? sendText(req, res, { fileName: `contacts-${new Date().toISOString().slice(0, 10)}.vcf`, contentType: 'text/vcard; charset=utf-8', entityType: 'contact', batches: contactBatches(query), render: vcardOf }, filtersOf(query))
        : sendExport(req, res, contactExport(query), query.format, filtersOf(query)),
  });

  api.route({
    method: 'get',
    path: '/exports/interactions',
    summary: 'The filtered interactions as CSV or XLSX, streamed in keyset batches (a million rows never sit in memory)',
    description: 'Takes the filters of GET /interactions.',
    tags: ['data'],
    access: interactionRoles,
    query: InteractionExportQuery,
    handler: ({ query, req, res, user }) => sendExport(req, res, interactionExport(query, user, clock()), query.format, filtersOf(query)),
  });

  api.route({
    method: 'get',
    path: '/exports/follow-ups',
    summary: 'The filtered follow-ups as CSV or XLSX, streamed',
    description: 'Takes the filters of GET /follow-ups.',
    tags: ['data'],
    access: interactionRoles,
    query: FollowUpExportQuery,
    handler: ({ query, req, res, user }) => sendExport(req, res, followUpExport(query, user, clock()), query.format, filtersOf(query)),
  });

  api.route({
    method: 'post',
    path: '/contacts/:id/personal-data',
    summary: 'Everything held on a person (GDPR access request), as JSON or a readable HTML page; a POST because it is audited',
    tags: ['data'],
    access: admins,
    params: IdParams,
    query: DataExportFormat,
    errors: [404, 409],
    handler: async ({ params, query, res, user }) => {
      const data = await contactPersonalData(params.id, user, query.format);
      const base = `donnees-personnelles-contact-${params.id}`;
      if (query.format === 'html') {
        res.status(200).type('html').setHeader('Content-Disposition', `attachment; filename="${base}.html"`);
        res.send(personalDataHtml(data));
        return;
      }
      res.status(200).setHeader('Content-Disposition', `attachment; filename="${base}.json"`);
      res.json(data);
    },
  });

  api.route({
    method: 'post',
    path: '/contacts/:id/erase',
    summary: 'Erases a person (GDPR): the record is anonymised and leaves lists and search; interactions stay, without them',
    tags: ['data'],
    access: admins,
    params: IdParams,
    body: ErasureRequest,
    errors: [404, 409],
    handler: ({ params, body, user }) => eraseContact(params.id, body, user),
  });

  api.route({
    method: 'get',
    path: '/data-protection/retention',
    summary: 'The retention review: contacts with no interaction for three years, not kept by a review since',
    tags: ['data'],
    access: admins,
    query: PageQuery,
    response: RetentionPage,
    handler: ({ query }) => retentionReview(query),
  });

  api.route({
    method: 'post',
    path: '/data-protection/retention/keep',
    summary: 'Keeps the chosen contacts for another retention period, with a reason',
    tags: ['data'],
    access: admins,
    body: RetentionDecision,
    response: DecisionResult,
    handler: ({ body, user }) => keepContacts(body.ids, body.reason, user),
  });

  api.route({
    method: 'post',
    path: '/data-protection/retention/erase',
    summary: 'Erases the chosen contacts of the retention review, in one transaction',
    tags: ['data'],
    access: admins,
    body: RetentionDecision,
    response: DecisionResult,
    handler: ({ body, user }) => eraseContacts(body.ids, body.reason, user),
  });
}

