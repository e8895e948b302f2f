import { Op, UniqueConstraintError } from 'sequelize';
import { addDays, dayIn } from '../common/town-time';
import type { Mailer } from '../mail/mailer';
import { User } from '../users/user.model';
import { DigestDelivery, FollowUp } from './follow-up.model';
import { assigneeRoles, clockFor, followUpViews } from './follow-ups.service';
import type { FollowUpView } from './follow-ups.schema';

export type DigestContext = { mailer: Mailer; timeZone: string; publicUrl: string };

const frenchDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

function line(followUp: FollowUpView, publicUrl: string) {
  const about = [followUp.partner?.name, followUp.contact?.fullName, followUp.interaction?.subject].filter(Boolean).join(' — ');
  return `- ${followUp.title} (échéance ${frenchDate(followUp.dueOn)})${about ? `\n  ${about}` : ''}\n  ${publicUrl}/suivis?suivi=${followUp.id}`;
}

export function digestMessage(displayName: string, today: string, followUps: FollowUpView[], publicUrl: string) {
  const overdue = followUps.filter((followUp) => followUp.dueOn < today);
  const dueToday = followUps.filter((followUp) => followUp.dueOn === today);
  const counts = [overdue.length ? `${overdue.length} en retard` : null, dueToday.length ? `${dueToday.length} pour aujourd’hui` : null].filter(Boolean).join(', ');
  const sections = [
    overdue.length ? `En retard :\n${overdue.map((followUp) => line(followUp, publicUrl)).join('\n')}` : null,
    dueToday.length ? `Pour aujourd’hui :\n${dueToday.map((followUp) => line(followUp, publicUrl)).join('\n')}` : null,
  ].filter(Boolean);
  return {
    subject: `Vos suivis du ${frenchDate(today)} : ${counts}`,
    text: `Bonjour ${displayName},\n\n${sections.join('\n\n')}\n\nTous vos suivis : ${publicUrl}/suivis\n\n— Passerelles`,
  };
}

/**
 * Sends each assignee the digest of their open follow-ups due today or overdue, once per day: the
 * `digest_deliveries` row is claimed before sending (its primary key lets one process, or one run, have
 * it) and given back when sending fails, so that the next run tries again. Returns how many were sent.
 */
export async function sendFollowUpDigests(now: Date, context: DigestContext): Promise<number> {
  const today = dayIn(context.timeZone, now);
  const clock = clockFor(context.timeZone, now);
  const due = await FollowUp.findAll({ where: { status: 'open', dueOn: { [Op.lte]: today } }, order: [['dueOn', 'ASC'], ['id', 'ASC']] });
  const assigneeIds = [...new Set(due.map((followUp) => followUp.assigneeUserId))];
  if (assigneeIds.length === 0) return 0;
  const users = await User.findAll({ where: { id: assigneeIds, active: true, role: [...assigneeRoles] } });
  let sent = 0;
  const failures: unknown[] = [];
  for (const user of users) {
    try {
      await DigestDelivery.create({ userId: user.id, day: today, sentAt: new Date() });
    } catch (error) {
      if (error instanceof UniqueConstraintError) continue;
      throw error;
    }
    try {
      const views = await followUpViews(due.filter((followUp) => followUp.assigneeUserId === user.id), clock);
      await context.mailer.send({ to: user.email, ...digestMessage(user.displayName, today, views, context.publicUrl) });
      sent += 1;
    } catch (error) {
      await DigestDelivery.destroy({ where: { userId: user.id, day: today } });
      failures.push(error);
    }
  }
  // Markers older than a month serve no purpose.
  await DigestDelivery.destroy({ where: { day: { [Op.lt]: addDays(today, -31) } } });
  if (failures.length) throw new Error(`${failures.length} digest(s) not sent: ${String((failures[0] as Error)?.message ?? failures[0])}`);
  return sent;
}
