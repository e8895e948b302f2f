import { IdParams } from '../common/fields.schema';
import type { Config } from '../config';
import type { Api } from '../http/api';
import { interactionRoles } from '../interactions/interactions.routes';
import { calendarDocument, calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from './calendar-feed';
import { AssigneeList, CalendarFeedCreated, CalendarFeedParams, CalendarFeedStatus, FollowUpCreate, FollowUpListQuery, FollowUpPage, FollowUpUpdate, FollowUpView } from './follow-ups.schema';
import { clockFor, createFollowUp, deleteFollowUp, getFollowUp, listAssignees, listFollowUps, restoreFollowUp, updateFollowUp } from './follow-ups.service';

export function followUpsRoutes(api: Api, { config }: { config: Config }) {
  const clock = () => clockFor(config.timeZone);

  api.route({
    method: 'get',
    path: '/follow-ups',
    summary: 'Follow-ups, by due date, filtered (`?assignee=me&status=open` gives "Mes suivis"); keyset pagination',
    tags: ['follow-ups'],
    access: interactionRoles,
    query: FollowUpListQuery,
    response: FollowUpPage,
    handler: ({ query, user }) => listFollowUps(query, user, clock()),
  });

  api.route({
    method: 'post',
    path: '/follow-ups',
    summary: 'Creates a follow-up linked to an interaction, a partner or a contact',
    tags: ['follow-ups'],
    access: interactionRoles,
    body: FollowUpCreate,
    response: FollowUpView,
    status: 201,
    handler: ({ body, user }) => createFollowUp(body, user, clock()),
  });

  api.route({
    method: 'get',
    path: '/follow-ups/assignees',
    summary: 'The accounts a follow-up can be given to (active staff)',
    tags: ['follow-ups'],
    access: interactionRoles,
    response: AssigneeList,
    handler: () => listAssignees(),
  });

  api.route({
    method: 'get',
    path: '/follow-ups/:id',
    summary: 'A follow-up (a deleted one too, with `deletedAt`)',
    tags: ['follow-ups'],
    access: interactionRoles,
    params: IdParams,
    response: FollowUpView,
    errors: [404],
    handler: ({ params }) => getFollowUp(params.id, clock()),
  });

  api.route({
    method: 'patch',
    path: '/follow-ups/:id',
    summary: 'Completes (status done), reopens, cancels, reassigns or postpones a follow-up; a stale `version` gets 409',
    tags: ['follow-ups'],
    access: interactionRoles,
    params: IdParams,
    body: FollowUpUpdate,
    response: FollowUpView,
    errors: [404, 409],
    handler: ({ params, body, user }) => updateFollowUp(params.id, body, user, clock()),
  });

  api.route({
    method: 'delete',
    path: '/follow-ups/:id',
    summary: 'Moves a follow-up to the trash (soft delete)',
    tags: ['follow-ups'],
    access: interactionRoles,
    params: IdParams,
    errors: [404],
    handler: ({ params, user }) => deleteFollowUp(params.id, user),
  });

  api.route({
    method: 'post',
    path: '/follow-ups/:id/restore',
    summary: 'Brings a deleted follow-up back',
    tags: ['follow-ups'],
    access: interactionRoles,
    params: IdParams,
    response: FollowUpView,
    errors: [404],
    handler: ({ params, user }) => restoreFollowUp(params.id, user, clock()),
  });
}

/** The private iCalendar feed: managed from "Mon compte", read by calendar clients through its secret address. */
export function calendarFeedRoutes(api: Api, { config }: { config: Config }) {
  api.route({
    method: 'get',
    path: '/account/calendar-feed',
    summary: 'Whether the signed-in user has a calendar feed, since when, last read when',
    tags: ['follow-ups'],
    access: interactionRoles,
    response: CalendarFeedStatus,
    handler: ({ user }) => calendarFeedStatus(user.id),
  });

  api.route({
    method: 'post',
    path: '/account/calendar-feed',
    summary: 'Makes a new secret feed address (shown once); the previous one stops working',
    tags: ['follow-ups'],
    access: interactionRoles,
    response: CalendarFeedCreated,
    status: 201,
    handler: ({ user }) => createCalendarFeed(user.id, config.publicUrl),
  });

  api.route({
    method: 'delete',
    path: '/account/calendar-feed',
    summary: 'Revokes the calendar feed: its address stops working',
    tags: ['follow-ups'],
    access: interactionRoles,
    handler: ({ user }) => revokeCalendarFeed(user.id),
  });

  api.route({
    method: 'get',
    path: '/calendar/:file',
    summary: 'A user’s open follow-ups as iCalendar (text/calendar), for Outlook or Thunderbird; the secret address is the credential',
    tags: ['follow-ups'],
    access: 'public',
    params: CalendarFeedParams,
    errors: [404],
    handler: async ({ params, res }) => {
      const document = await calendarDocument(params.file, { timeZone: config.timeZone, publicUrl: config.publicUrl });
      res.status(200).type('text/calendar; charset=utf-8').send(document);
    },
  });
}
