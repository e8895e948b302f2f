import { bullet, colours, contentWidth, createPdf, ensureSpace, field, finishPdf, frenchDate, frenchPeriod, heading, paragraph, type Pdf } from '../pdf/pdf-document';
import { projectKindLabels, projectStatusLabels } from '../common/labels';
import type { AnnualReport, ObjectiveProgress } from './plan.schema';

const monthNames = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

function legend(doc: Pdf, x: number, y: number, entries: [string, string][]) {
  let at = x;
  for (const [colour, label] of entries) {
    doc.rect(at, y + 1, 8, 8).fill(colour);
    doc.fillColor(colours.ink).font('body').fontSize(8).text(label, at + 12, y, { lineBreak: false });
    at += 12 + doc.widthOfString(label) + 18;
  }
}

/** Horizontal bars per objective: visits and completed milestones, drawn with the PDF's own vector paths. */
function objectivesChart(doc: Pdf, objectives: ObjectiveProgress[]) {
  const left = doc.page.margins.left;
  const labelWidth = 60;
  const barArea = contentWidth(doc) - labelWidth - 30;
  const rowHeight = 28;
  const height = objectives.length * rowHeight + 30;
  ensureSpace(doc, height + 20);
  const top = doc.y + 4;
  const max = Math.max(1, ...objectives.map((objective) => Math.max(objective.interactionCount, objective.visits.length, objective.milestonesCompleted.length, objective.projects.length)));
  objectives.forEach((objective, index) => {
    const y = top + index * rowHeight;
    doc.font('bold').fontSize(9).fillColor(colours.ink).text(objective.code, left, y + 5, { width: labelWidth - 8, lineBreak: false });
    const bars: [number, string][] = [
      [objective.interactionCount, colours.interactions],
      [objective.projects.length, colours.accent],
      [objective.visits.length, colours.bar],
      [objective.milestonesCompleted.length, colours.barAlt],
    ];
    bars.forEach(([value, colour], bar) => {
      const width = (value / max) * barArea;
      const barY = y + bar * 6;
      if (value > 0) doc.rect(left + labelWidth, barY, Math.max(width, 1.5), 5).fill(colour);
      doc.fillColor(colours.muted).font('body').fontSize(6).text(String(value), left + labelWidth + width + 3, barY - 0.5, { lineBreak: false });
    });
  });
  doc.moveTo(left + labelWidth, top - 2).lineTo(left + labelWidth, top + objectives.length * rowHeight - 4).lineWidth(0.5).strokeColor(colours.rule).stroke();
  legend(doc, left + labelWidth, top + objectives.length * rowHeight + 2, [
    [colours.interactions, 'échanges'],
    [colours.accent, 'projets'],
    [colours.bar, 'visites'],
    [colours.barAlt, 'étapes franchies'],
  ]);
  doc.x = left;
  doc.y = top + height;
}

/** Columns per month of the year: visits and completed milestones, all objectives together. */
function monthlyChart(doc: Pdf, report: AnnualReport) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const chartHeight = 110;
  ensureSpace(doc, chartHeight + 50);
  const top = doc.y + 6;
  const values = report.monthly;
  const months = values.map((value) => value.month);
  const max = Math.max(1, ...values.map((value) => value.interactions + value.visits + value.milestones));
  const slot = width / Math.max(months.length, 1);
  const bottom = top + chartHeight;
  for (let step = 0; step <= 2; step += 1) {
    const y = bottom - (step / 2) * chartHeight;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.3).strokeColor(colours.rule).stroke();
    doc.fillColor(colours.muted).font('body').fontSize(6).text(String(Math.round((step / 2) * max * 10) / 10), left - 18, y - 3, { width: 14, align: 'right', lineBreak: false });
  }
  values.forEach((value, index) => {
    const x = left + index * slot + slot * 0.2;
    const barWidth = slot * 0.6;
    let base = bottom;
    for (const [count, colour] of [
      [value.interactions, colours.interactions],
      [value.visits, colours.bar],
      [value.milestones, colours.barAlt],
    ] as const) {
      const height = (count / max) * chartHeight;
      if (count) doc.rect(x, base - height, barWidth, height).fill(colour);
      base -= height;
    }
    doc.fillColor(colours.muted).font('body').fontSize(7).text(monthNames[Number(value.month.slice(5)) - 1] ?? value.month, left + index * slot, bottom + 3, { width: slot, align: 'center', lineBreak: false });
  });
  legend(doc, left, bottom + 16, [
    [colours.interactions, 'échanges'],
    [colours.bar, 'visites'],
    [colours.barAlt, 'étapes franchies'],
  ]);
  doc.x = left;
  doc.y = bottom + 34;
}

function objectiveSection(doc: Pdf, objective: ObjectiveProgress) {
  heading(doc, `${objective.code} — ${objective.title}`, 12);
  paragraph(
    doc,
    `${objective.interactionCount} échange${objective.interactionCount > 1 ? 's' : ''}, ${objective.projects.length} projet${objective.projects.length > 1 ? 's' : ''}, ${objective.visits.length} visite${objective.visits.length > 1 ? 's' : ''}, ${objective.milestonesCompleted.length} étape${objective.milestonesCompleted.length > 1 ? 's' : ''} franchie${objective.milestonesCompleted.length > 1 ? 's' : ''}, ${objective.partners.length} partenaire${objective.partners.length > 1 ? 's' : ''} concerné${objective.partners.length > 1 ? 's' : ''}.`,
    { muted: true },
  );
  const highlights = [
    ...objective.visits.map((visit) => `${visit.title} (${frenchPeriod(visit.startsOn, visit.endsOn)})`),
    ...objective.milestonesCompleted.map((milestone) => `${milestone.project.name} : ${milestone.title} (${frenchDate(milestone.completedOn)})`),
  ];
  if (highlights.length) {
    doc.moveDown(0.2).font('bold').fontSize(10).text('Temps forts', doc.page.margins.left);
    for (const line of highlights.slice(0, 12)) bullet(doc, line);
  }
  if (objective.latestInteractions.length) {
    doc.moveDown(0.2).font('bold').fontSize(10).text('Derniers échanges', doc.page.margins.left);
    for (const interaction of objective.latestInteractions) {
      bullet(doc, `${frenchDate(isoDay(interaction.occurredAt))} — ${interaction.subject}`, interaction.partners.join(', ') || undefined);
    }
  }
  if (objective.openFollowUpCount) {
    doc.moveDown(0.2).font('bold').fontSize(10).text(`Suivis en cours (${objective.openFollowUpCount})`, doc.page.margins.left);
    for (const followUp of objective.openFollowUps) bullet(doc, `${followUp.title} — pour le ${frenchDate(followUp.dueOn)}${followUp.overdue ? ' (en retard)' : ''}`);
  }
  if (objective.projects.length) {
    doc.moveDown(0.2).font('bold').fontSize(10).text('Projets', doc.page.margins.left);
    for (const project of objective.projects) {
      bullet(doc, `${project.title} — ${projectKindLabels[project.kind]?.toLowerCase() ?? project.kind}, ${projectStatusLabels[project.status]?.toLowerCase() ?? project.status}`);
    }
  }
  if (objective.partners.length) {
    doc.moveDown(0.2);
    field(doc, 'Partenaires', objective.partners.map((partner) => partner.name).join(', '));
  }
  if (!highlights.length && !objective.projects.length && !objective.partners.length && !objective.interactionCount) paragraph(doc, 'Rien d’enregistré pour cet objectif cette année.', { muted: true });
}

const isoDay = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: process.env['TIME_ZONE'] ?? 'Europe/Paris' }).format(instant);

const timestamp = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: process.env['TIME_ZONE'] ?? 'Europe/Paris' });

/** The annual report for the council: totals, two charts, then what was done per objective. */
export async function annualReportPdf(report: AnnualReport): Promise<Buffer> {
  const title = `Rapport annuel ${report.year} — plan d’action international`;
  const doc = await createPdf(title);
  doc.font('bold').fontSize(9).fillColor(colours.muted).text('VILLE DE SCEAUX — RELATIONS INTERNATIONALES');
  doc.moveDown(0.3).font('bold').fontSize(20).fillColor(colours.ink).text(`Rapport annuel ${report.year}`);
  paragraph(doc, `Mise en œuvre du plan d’action international approuvé par le conseil municipal du 27 septembre 2023. Établi le ${timestamp.format(report.generatedAt)} à partir des fiches de Passerelles.`, { muted: true });

  heading(doc, 'L’année en chiffres');
  field(doc, 'Échanges enregistrés', String(report.totals.interactions));
  field(doc, 'Projets menés', String(report.totals.projects));
  field(doc, 'Visites et délégations', String(report.totals.visits));
  field(doc, 'Étapes de projets franchies', String(report.totals.milestonesCompleted));
  field(doc, 'Partenaires concernés', String(report.totals.partners));

  heading(doc, 'Activité par objectif');
  objectivesChart(doc, report.objectives);
  heading(doc, 'Activité par mois');
  monthlyChart(doc, report);

  let axis = '';
  for (const objective of report.objectives) {
    if (objective.axis !== axis) {
      axis = objective.axis;
      doc.addPage();
      doc.font('bold').fontSize(15).fillColor(colours.accent).text(`Axe ${objective.axis} — ${objective.axisTitle}`);
      doc.fillColor(colours.ink);
    }
    objectiveSection(doc, objective);
  }
  return finishPdf(doc, title);
}
