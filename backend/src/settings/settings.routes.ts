import type { Api } from '../http/api';
import { SecuritySettings, SecuritySettingsUpdate } from './settings.schema';
import { securitySettings, updateSecuritySettings } from './settings.service';

export function settingsRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/settings/security',
    summary: 'Security settings (two-factor requirement)',
    tags: ['settings'],
    access: ['admin'],
    response: SecuritySettings,
    handler: () => securitySettings(),
  });

  api.route({
    method: 'put',
    path: '/settings/security',
    summary: 'Change the security settings; a stale version gets 409',
    tags: ['settings'],
    access: ['admin'],
    body: SecuritySettingsUpdate,
    response: SecuritySettings,
    errors: [409],
    handler: ({ body, user }) => updateSecuritySettings(body, user.id),
  });
}
