import type { Response } from 'express';
import { IdParams } from '../common/fields.schema';
import type { Api } from '../http/api';
import { readers, writers } from '../partners/partners.routes';
import type { Role } from '../users/users.schema';
import { readLogo } from './logo-store';
import {
  InvitationAcceptance,
  InvitationAccepted,
  InvitationInfo,
  InvitationToken,
  PortalAccount,
  PortalAccountList,
  PortalHome,
  PortalInvitationRequest,
  ProfileReview,
  ProfileUpdateList,
  ProfileUpdateListQuery,
  ProfileUpdateRequest,
  ProfileUpdateView,
} from './portal.schema';
import {
  acceptInvitation,
  getProfileUpdate,
  invitationInfo,
  invite,
  listPortalAccounts,
  listProfileUpdates,
  partnerLogoFile,
  portalHome,
  proposedLogoFile,
  proposeProfileUpdate,
  reviewProfileUpdate,
  revokePortalAccount,
  type PortalDeps,
} from './portal.service';

const association: readonly Role[] = ['association'];
/** The staff, and an association for what is its own (anything else of theirs answers 404). */
const readersAndOwner: readonly Role[] = [...readers, 'association'];

/** An image from DATA_DIR/logos, with its own content type and no sniffing. */
async function sendLogo(res: Response, dataDir: string, name: string) {
  const logo = await readLogo(dataDir, name);
  res.setHeader('Content-Type', logo.contentType);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Content-Disposition', 'inline');
  res.status(200).send(logo.data);
}

/** The association portal: invitations, the association's own profile, and the officers' review queue. */
export function portalRoutes(api: Api, deps: PortalDeps) {
  // ---------------------------------------------------------------- accounts and invitations (staff)
  api.route({
    method: 'get',
    path: '/partners/:id/portal-accounts',
    summary: 'The portal accounts of an association: invited, active or revoked',
    tags: ['portal'],
    access: readers,
    params: IdParams,
    response: PortalAccountList,
    errors: [404],
    handler: async ({ params }) => ({ items: await listPortalAccounts(params.id) }),
  });

  api.route({
    method: 'post',
    path: '/partners/:id/portal-accounts',
    summary: 'Invites a person to manage the association\'s profile: an e-mail with a single-use link, valid 7 days, to choose a password',
    tags: ['portal'],
    access: writers,
    params: IdParams,
    body: PortalInvitationRequest,
    response: PortalAccount,
    status: 201,
    errors: [404, 409],
    handler: ({ params, body, user }) => invite(params.id, body, user, deps),
  });

  api.route({
    method: 'post',
    path: '/portal-accounts/:id/revoke',
    summary: 'Ends a portal account\'s access; its sessions end at once and its links no longer work',
    tags: ['portal'],
    access: writers,
    params: IdParams,
    errors: [404],
    handler: ({ params, user }) => revokePortalAccount(params.id, user),
  });

  // ---------------------------------------------------------------- invitation links (public)
  api.route({
    method: 'get',
    path: '/invitations/:token',
    summary: 'What an invitation link is for (404 once used, revoked or expired)',
    tags: ['portal'],
    access: 'public',
    params: InvitationToken,
    response: InvitationInfo,
    errors: [404],
    handler: ({ params }) => invitationInfo(params.token),
  });

  api.route({
    method: 'post',
    path: '/invitations/:token/accept',
    summary: 'Chooses the password of an invited account; the link is used up',
    tags: ['portal'],
    access: 'public',
    params: InvitationToken,
    body: InvitationAcceptance,
    response: InvitationAccepted,
    errors: [404],
    handler: ({ params, body }) => acceptInvitation(params.token, body.password),
  });

  // ---------------------------------------------------------------- the association's portal
  api.route({
    method: 'get',
    path: '/portal/profile',
    summary: 'The signed-in association\'s public profile, its pending update and the latest reviewed ones',
    tags: ['portal'],
    access: association,
    response: PortalHome,
    errors: [404],
    handler: ({ user }) => portalHome(user),
  });

  api.route({
    method: 'post',
    path: '/portal/profile-updates',
    summary: 'Proposes new values for the association\'s public profile (replaces a proposal still pending); a logo is sent as base64',
    description: 'Logo: PNG, JPEG or WebP recognised by content, 512 KB at most, 32 to 4096 pixels a side; `null` proposes to remove it.',
    tags: ['portal'],
    access: association,
    body: ProfileUpdateRequest,
    response: ProfileUpdateView,
    status: 201,
    errors: [404, 409],
    handler: ({ user, body, req }) => proposeProfileUpdate(user, body, deps, req.log),
  });

  // ---------------------------------------------------------------- the review queue (staff)
  api.route({
    method: 'get',
    path: '/profile-updates',
    summary: 'Profile updates proposed by associations: pending (oldest first) or reviewed (newest first), 200 at most',
    tags: ['portal'],
    access: readers,
    query: ProfileUpdateListQuery,
    response: ProfileUpdateList,
    handler: async ({ query }) => ({ items: await listProfileUpdates(query) }),
  });

  api.route({
    method: 'get',
    path: '/profile-updates/:id',
    summary: 'A profile update with its before/after per field (an association sees only its own)',
    tags: ['portal'],
    access: readersAndOwner,
    params: IdParams,
    response: ProfileUpdateView,
    errors: [404],
    handler: ({ params, user }) => getProfileUpdate(params.id, user),
  });

  api.route({
    method: 'post',
    path: '/profile-updates/:id/review',
    summary: 'Accepts some or all fields of a profile update (applied with their audit event) or rejects it with a message',
    description: 'A field that changed on the partner since the proposal answers 409 profile_update_conflict unless `applyDespiteConflict` is true.',
    tags: ['portal'],
    access: writers,
    params: IdParams,
    body: ProfileReview,
    response: ProfileUpdateView,
    errors: [404, 409],
    handler: ({ params, body, user, req }) => reviewProfileUpdate(params.id, body, user, deps, req.log),
  });

  api.route({
    method: 'get',
    path: '/profile-updates/:id/logo',
    summary: 'The logo a profile update proposes (an image)',
    tags: ['portal'],
    access: readersAndOwner,
    params: IdParams,
    status: 200,
    errors: [404],
    handler: async ({ params, user, res }) => sendLogo(res, deps.dataDir, await proposedLogoFile(params.id, user)),
  });

  api.route({
    method: 'get',
    path: '/partners/:id/logo',
    summary: 'A partner\'s logo (an image); an association gets only its own',
    tags: ['portal'],
    access: readersAndOwner,
    params: IdParams,
    status: 200,
    errors: [404],
    handler: async ({ params, user, res }) => sendLogo(res, deps.dataDir, await partnerLogoFile(params.id, user)),
  });
}
