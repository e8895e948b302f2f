import type { Api } from '../http/api';
import { readers } from '../partners/partners.routes';
import { annualReportPdf } from './annual-report-pdf';
import { AnnualReport, AnnualReportQuery, PlanOverview, PlanPeriodQuery } from './plan.schema';
import { annualReport, planOverview } from './plan.service';

export function planRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/plan/objectives',
    summary: 'Each objective’s progress over a period (12 months by default): partners, projects, visits, completed milestones, activity per month',
    tags: ['plan'],
    access: readers,
    query: PlanPeriodQuery,
    response: PlanOverview,
    handler: ({ query }) => planOverview(query),
  });

  api.route({
    method: 'get',
    path: '/plan/annual-report',
    summary: 'The annual report for the council: per objective, what was done in the year',
    tags: ['plan'],
    access: readers,
    query: AnnualReportQuery,
    response: AnnualReport,
    handler: ({ query }) => annualReport(query.year),
  });

  api.route({
    method: 'get',
    path: '/plan/annual-report/pdf',
    summary: 'The annual report as a printable PDF in French with its charts (application/pdf)',
    tags: ['plan'],
    access: readers,
    query: AnnualReportQuery,
    handler: async ({ query, res }) => {
      const pdf = await annualReportPdf(await annualReport(query.year));
      res.status(200).type('application/pdf').setHeader('Content-Disposition', `attachment; filename="rapport-annuel-${query.year}.pdf"`).send(pdf);
    },
  });
}
