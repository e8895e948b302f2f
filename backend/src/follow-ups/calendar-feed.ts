import { createHash, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import { addDays } from '../common/town-time';
import { problems } from '../http/problem';
import { User } from '../users/user.model';
import { CalendarFeed, FollowUp } from './follow-up.model';
import { assigneeRoles, clockFor, followUpViews } from './follow-ups.service';
import type { CalendarFeedCreated, CalendarFeedStatus } from './follow-ups.schema';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function calendarFeedStatus(userId: number): Promise<CalendarFeedStatus> {
  const feed = await CalendarFeed.findByPk(userId);
  return { active: Boolean(feed), createdAt: feed?.createdAt ?? null, lastUsedAt: feed?.lastUsedAt ?? null };
}

/** A new secret address for the user's feed; the previous one stops working at once. */
export async function createCalendarFeed(userId: number, publicUrl: string): Promise<CalendarFeedCreated> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = new Date();
  await CalendarFeed.sequelize!.transaction(async (transaction) => {
    await CalendarFeed.destroy({ where: { userId }, transaction });
    await CalendarFeed.create({ userId, tokenHash: hash(token), createdAt, lastUsedAt: null }, { transaction });
  });
  return { url: `${publicUrl}/api/v1/calendar/${token}.ics`, createdAt };
}

export async function revokeCalendarFeed(userId: number) {
  await CalendarFeed.destroy({ where: { userId } });
}

/** The iCalendar document of a feed: the user's open follow-ups as all-day events on their due date. */
export async function calendarDocument(file: string, options: { timeZone: string; publicUrl: string; now?: Date }): Promise<string> {
  const feed = await CalendarFeed.findOne({ where: { tokenHash: hash(file.slice(0, -'.ics'.length)) } });
  const user = feed ? await User.findByPk(feed.userId) : null;
  if (!feed || !user || !user.active || !(assigneeRoles as readonly string[]).includes(user.role)) throw problems.notFound();
  const now = options.now ?? new Date();
  // At most one write an hour per feed: calendar clients poll often, and a GET should cost no write.
  if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() > 3_600_000) {
    await CalendarFeed.update({ lastUsedAt: now }, { where: { userId: feed.userId } });
  }
  const rows = await FollowUp.findAll({ where: { assigneeUserId: user.id, status: 'open' }, order: [['dueOn', 'ASC'], ['id', 'ASC']], limit: 1_000 });
  const views = await followUpViews(rows, clockFor(options.timeZone, now));
  const host = new URL(options.publicUrl).host;
  const calendar = ical({ name: `Passerelles — suivis de ${user.displayName}`, prodId: { company: 'Ville de Sceaux', product: 'Passerelles', language: 'FR' }, ttl: 3600 });
  for (const followUp of views) {
    const about = [followUp.partner?.name, followUp.contact?.fullName, followUp.interaction?.subject].filter(Boolean).join(' — ');
    calendar.createEvent({
      id: `follow-up-${followUp.id}@${host}`,
      start: new Date(`${followUp.dueOn}T00:00:00Z`),
      end: new Date(`${addDays(followUp.dueOn, 1)}T00:00:00Z`),
      allDay: true,
      summary: `${followUp.overdue ? '[En retard] ' : ''}${followUp.title}`,
      description: [about, followUp.notes].filter(Boolean).join('\n') || null,
      url: `${options.publicUrl}/suivis?suivi=${followUp.id}`,
      stamp: followUp.updatedAt,
    });
  }
  return calendar.toString();
}
