import { bullet, colours, createPdf, field, finishPdf, frenchDate, frenchDay, frenchPeriod, heading, paragraph } from '../pdf/pdf-document';
import { interactionTypeLabels, kindLabels, projectKindLabels, projectStatusLabels, relationshipWording, statusLabels } from '../common/labels';
import { countryFr, languageFr } from '../pdf/labels-fr';
import type { RelationshipType } from '../relationships/relationships.schema';
import type { BriefingPack, PartnerBrief } from './briefing.schema';

const dayOf = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: process.env['TIME_ZONE'] ?? 'Europe/Paris' });

/** The day of an instant in the town's time zone, "1er mars 2026". */
function frenchInstant(instant: Date) {
  return dayOf.format(instant).replace(/^1 /, '1er ');
}

const timestamp = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: process.env['TIME_ZONE'] ?? 'Europe/Paris' });

function partnerSection(doc: PDFKit.PDFDocument, partner: PartnerBrief, first: boolean) {
  if (!first) doc.addPage();
  heading(doc, partner.name, 16);
  const place = [partner.city, countryFr(partner.country)].filter(Boolean).join(', ');
  paragraph(doc, [kindLabels[partner.kind] ?? partner.kind, place, `statut : ${(statusLabels[partner.status] ?? partner.status).toLowerCase()}`].filter(Boolean).join(' — '), { muted: true });
  const localNames = Object.entries(partner.localNames);
  if (localNames.length) field(doc, 'Noms locaux', localNames.map(([language, name]) => `${name} (${languageFr(language)})`).join(', '));
  if (partner.website) field(doc, 'Site', partner.website);
  if (partner.description) {
    doc.moveDown(0.3);
    paragraph(doc, partner.description);
  }

  heading(doc, 'Dates clés', 12);
  const dates: string[] = [];
  if (partner.charterSignedOn) {
    dates.push(`Charte signée le ${frenchDate(partner.charterSignedOn)}${partner.twinningYears !== null ? ` (${partner.twinningYears} an${partner.twinningYears > 1 ? 's' : ''} de jumelage)` : ''}`);
  }
  if (partner.labelObtainedOn) dates.push(`Label obtenu le ${frenchDate(partner.labelObtainedOn)}`);
  if (partner.labelRenewalDueOn) dates.push(`Renouvellement du label attendu le ${frenchDate(partner.labelRenewalDueOn)}`);
  if (dates.length) for (const line of dates) bullet(doc, line);
  else paragraph(doc, 'Aucune date clé enregistrée.', { muted: true });
  if (partner.relationships.length) {
    doc.moveDown(0.3);
    for (const link of partner.relationships) bullet(doc, `${relationshipWording[link.type as RelationshipType]?.[link.direction === 'outgoing' ? 'fromSource' : 'fromTarget'] ?? link.type} ${link.partner}`);
  }

  heading(doc, 'Personnes clés', 12);
  if (partner.keyPeople.length === 0) paragraph(doc, 'Aucun contact enregistré.', { muted: true });
  for (const person of partner.keyPeople) {
    const detail = [
      person.jobTitle,
      person.languages.length ? `parle ${person.languages.map(languageFr).join(', ')}` : null,
      ...person.emails,
      ...person.phones,
    ]
      .filter(Boolean)
      .join(' — ');
    bullet(doc, person.role ? `${person.name}, ${person.role}` : person.name, detail || undefined);
  }

  heading(doc, 'Historique de la relation', 12);
  if (partner.firstContact) {
    const first = partner.firstContact;
    field(doc, 'Premier contact', `${frenchInstant(first.occurredAt)} — ${(interactionTypeLabels[first.type] ?? first.type).toLowerCase()} : ${first.subject}`);
  }
  paragraph(doc, partner.interactionCount === 0 ? 'Aucun échange enregistré.' : `${partner.interactionCount} échange${partner.interactionCount > 1 ? 's' : ''} enregistré${partner.interactionCount > 1 ? 's' : ''}${partner.interactionCount > 10 ? ', dont les dix derniers' : ''} :`, { muted: true });
  for (const interaction of partner.lastInteractions) {
    const detail = [interaction.location, interaction.contacts.length ? `avec ${interaction.contacts.join(', ')}` : null].filter(Boolean).join(' — ');
    bullet(doc, `${frenchInstant(interaction.occurredAt)} — ${interactionTypeLabels[interaction.type] ?? interaction.type} : ${interaction.subject}`, detail || undefined);
  }

  heading(doc, 'Suivis en cours', 12);
  if (partner.openFollowUps.length === 0) paragraph(doc, 'Aucun suivi en cours.', { muted: true });
  for (const followUp of partner.openFollowUps) {
    bullet(doc, `${followUp.title} — pour le ${frenchDate(followUp.dueOn)}${followUp.overdue ? ' (en retard)' : ''}`, followUp.assignee ? `suivi par ${followUp.assignee}` : undefined);
  }

  heading(doc, 'Projets en cours', 12);
  if (partner.runningProjects.length === 0) paragraph(doc, 'Aucun projet en cours.', { muted: true });
  for (const project of partner.runningProjects) {
    const next = project.nextMilestone ? `prochaine étape : ${project.nextMilestone.title}${project.nextMilestone.dueOn ? `, le ${frenchDate(project.nextMilestone.dueOn)}` : ''}` : null;
    bullet(doc, `${project.title} (${projectKindLabels[project.kind]?.toLowerCase() ?? project.kind}, ${projectStatusLabels[project.status]?.toLowerCase() ?? project.status})`, next ?? undefined);
  }

  if (partner.pastVisits.length) {
    heading(doc, 'Visites précédentes', 12);
    for (const visit of partner.pastVisits) bullet(doc, `${visit.title} — ${frenchPeriod(visit.startsOn, visit.endsOn)}`);
  }
}

/** The briefing pack as a printable PDF in French: the visit, then one section per partner. */
export async function briefingPdf(pack: BriefingPack): Promise<Buffer> {
  const visit = pack.visit;
  const title = visit ? `Dossier de visite — ${visit.title}` : `Dossier partenaire — ${pack.partners[0]?.name ?? ''}`;
  const doc = await createPdf(title);
  doc.font('bold').fontSize(9).fillColor(colours.muted).text('VILLE DE SCEAUX — RELATIONS INTERNATIONALES');
  doc.moveDown(0.3).font('bold').fontSize(20).fillColor(colours.ink).text(visit ? visit.title : `Dossier : ${pack.partners[0]?.name ?? ''}`);
  paragraph(doc, `Dossier préparé le ${timestamp.format(pack.generatedAt)} à partir des fiches de Passerelles.`, { muted: true, size: 9 });

  if (visit) {
    heading(doc, 'La visite');
    field(doc, 'Nature', visit.direction === 'outgoing' ? 'Déplacement de la délégation de Sceaux' : 'Accueil d’une délégation à Sceaux');
    field(doc, 'Dates', frenchPeriod(visit.startsOn, visit.endsOn));
    if (visit.places.length) field(doc, 'Lieux', visit.places.join(', '));
    if (visit.partners.length) field(doc, 'Partenaires', visit.partners.map((partner) => partner.name).join(', '));
    if (visit.notesForMayor) {
      heading(doc, 'Note pour M. le Maire', 12);
      paragraph(doc, visit.notesForMayor);
    }
    const town = visit.delegation.filter((member) => member.side === 'town');
    const guests = visit.delegation.filter((member) => member.side === 'partner');
    if (visit.delegation.length) {
      heading(doc, 'Délégations', 12);
      if (town.length) {
        doc.font('bold').text('Pour Sceaux', doc.page.margins.left);
        for (const member of town) bullet(doc, member.role ? `${member.name}, ${member.role}` : member.name);
      }
      if (guests.length) {
        doc.moveDown(0.2).font('bold').text('Pour le partenaire', doc.page.margins.left);
        for (const member of guests) bullet(doc, member.role ? `${member.name}, ${member.role}` : member.name);
      }
    }
    heading(doc, 'Programme', 12);
    if (visit.programme.length === 0) paragraph(doc, 'Programme à venir.', { muted: true });
    let day = '';
    for (const item of visit.programme) {
      if (item.day !== day) {
        day = item.day;
        doc.moveDown(0.2).font('bold').fontSize(10).text(frenchDay(item.day).replace(/^./, (letter) => letter.toUpperCase()), doc.page.margins.left);
      }
      bullet(doc, [item.time ? item.time.replace(':', ' h ') : null, item.what].filter(Boolean).join(' — '), item.place ?? undefined);
    }
  }

  if (pack.objectives.length) {
    heading(doc, 'Objectifs du plan d’action servis');
    for (const objective of pack.objectives) bullet(doc, `${objective.code} — ${objective.title}`);
  }

  pack.partners.forEach((partner, index) => partnerSection(doc, partner, index === 0 && !visit));
  return finishPdf(doc, title);
}
