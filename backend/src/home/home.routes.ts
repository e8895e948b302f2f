import type { Config } from '../config';
import { clockFor } from '../follow-ups/follow-ups.service';
import type { Api } from '../http/api';
import { interactionRoles } from '../interactions/interactions.routes';
import { HomePage, HomeQuery, QuietPartnerSettings, QuietPartnerSettingsUpdate } from './home.schema';
import { homePage, quietPartnerSettings, updateQuietPartnerSettings } from './home.service';

export function homeRoutes(api: Api, { config }: { config: Config }) {
  api.route({
    method: 'get',
    path: '/home',
    summary: 'The officer’s day: my open follow-ups, my recent interactions, partners gone quiet, key dates coming',
    tags: ['home'],
    access: interactionRoles,
    query: HomeQuery,
    response: HomePage,
    handler: ({ user, query }) => homePage(user, query, clockFor(config.timeZone)),
  });

  api.route({
    method: 'get',
    path: '/settings/quiet-partners',
    summary: 'After how many months without interaction a partner of each kind is "gone quiet"',
    tags: ['settings'],
    access: interactionRoles,
    response: QuietPartnerSettings,
    handler: () => quietPartnerSettings(),
  });

  api.route({
    method: 'put',
    path: '/settings/quiet-partners',
    summary: 'Changes the months per partner kind; a stale version gets 409',
    tags: ['settings'],
    access: ['admin'],
    body: QuietPartnerSettingsUpdate,
    response: QuietPartnerSettings,
    errors: [409],
    handler: ({ body, user }) => updateQuietPartnerSettings(body, user),
  });
}
