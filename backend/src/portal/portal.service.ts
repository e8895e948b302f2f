import { createHash, randomBytes } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { changedFields, recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { DatabaseSessionStore } from '../auth/session-store';
import { problems } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { Partner } from '../partners/partner.model';
import { partnerView, snapshot } from '../partners/partners.service';
import { reindex } from '../search/search-index';
import { User } from '../users/user.model';
import type { CurrentUser } from '../users/users.schema';
import { normalizeEmail } from '../users/users.service';
import { checkLogo, removeLogo, storeLogo, type LogoLog } from './logo-store';
import { Invitation, ProfileUpdate, type ProfileValues } from './portal.model';
import {
  profileFields,
  type InvitationInfo,
  type PortalAccount,
  type PortalHome,
  type PortalInvitationRequest,
  type ProfileField,
  type ProfileReviewData,
  type ProfileUpdateRequestData,
  type ProfileUpdateView,
  type PublicProfile,
} from './portal.schema';

export const invitationValidityMs = 7 * 24 * 3600_000;

export type PortalDeps = { mailer: Mailer; publicUrl: string; dataDir: string; timeZone: string };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// ---------------------------------------------------------------- invitations and accounts

async function associationPartner(id: number, transaction?: Transaction) {
  const partner = await Partner.findByPk(id, { transaction });
  if (!partner) throw problems.notFound('Ce partenaire n’existe pas ou plus.');
  return partner;
}

/**
 * Invites a person to manage an association's profile: an association account without a password and
 * a single-use link, valid 7 days, to choose one. Inviting again the same person (expired link, revoked
 * access) sends a new link and voids the earlier ones.
 */
export async function invite(partnerId: number, input: PortalInvitationRequest, actor: CurrentUser, deps: PortalDeps): Promise<PortalAccount> {
  const email = normalizeEmail(input.email);
  const token = randomBytes(32).toString('base64url');
  const { user, partner, invitation } = await Partner.sequelize!.transaction(async (transaction) => {
    const partner = await associationPartner(partnerId, transaction);
    if (partner.kind !== 'association') {
      throw problems.invalid([{ path: 'email', message: 'Seule une association peut recevoir un accès au portail.' }]);
    }
    let user = await User.findOne({ where: { email }, transaction, lock: transaction.LOCK.UPDATE });
    if (user && (user.role !== 'association' || user.partnerId !== partnerId)) {
      throw problems.conflict('email_taken', 'Un autre compte utilise déjà cette adresse e-mail.');
    }
    if (user?.active && user.passwordHash) {
      throw problems.conflict('already_active', 'Cette personne a déjà accès au portail de l’association.');
    }
    if (user) {
      user.set({ displayName: input.displayName.trim(), active: true, passwordHash: null });
      await user.save({ transaction });
      await Invitation.update({ revokedAt: new Date() }, { where: { userId: user.id, usedAt: null, revokedAt: null }, transaction });
    } else {
      user = await User.create(
        { email, displayName: input.displayName.trim(), role: 'association', partnerId, passwordHash: null, lastLoginAt: null },
        { transaction },
      );
    }
    const invitation = await Invitation.create(
      { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + invitationValidityMs), usedAt: null, revokedAt: null, createdByUserId: actor.id },
      { transaction },
    );
    await recordAudit(transaction, { actorUserId: actor.id, action: 'invite', entityType: 'user', entityId: user.id, after: { email, role: 'association', partnerId } });
    return { user, partner, invitation };
  });
  const link = `${deps.publicUrl.replace(/\/$/, '')}/invitation/${token}`;
  const expires = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: deps.timeZone }).format(invitation.expiresAt);
  await deps.mailer.send({
    to: user.email,
    subject: `Passerelles : gérez la fiche de ${partner.name}`,
    text: [
      `Bonjour ${user.displayName},`,
      '',
      `Le service des relations internationales de la Ville de Sceaux vous invite à tenir à jour la fiche publique de « ${partner.name} » sur Passerelles.`,
      '',
      'Pour choisir votre mot de passe, ouvrez ce lien (il ne sert qu’une fois) :',
      link,
      '',
      `Ce lien est valable jusqu’au ${expires}. Vos modifications sont relues par le service avant publication.`,
      '',
      'Si vous n’attendiez pas ce message, ignorez-le.',
    ].join('\n'),
  });
  return accountView(user, invitation);
}

function accountView(user: User, invitation: Invitation | null): PortalAccount {
  const status = !user.active ? 'revoked' : user.passwordHash ? 'active' : invitation && invitation.expiresAt.getTime() > Date.now() && !invitation.revokedAt ? 'invited' : 'expired';
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status,
    invitedAt: invitation?.createdAt ?? null,
    invitationExpiresAt: status === 'invited' ? invitation!.expiresAt : null,
    lastLoginAt: user.lastLoginAt,
  };
}

export async function listPortalAccounts(partnerId: number): Promise<PortalAccount[]> {
  await associationPartner(partnerId);
  const users = await User.findAll({ where: { partnerId, role: 'association' }, order: [['displayName', 'ASC'], ['id', 'ASC']] });
  const invitations = users.length ? await Invitation.findAll({ where: { userId: { [Op.in]: users.map((user) => user.id) } }, order: [['id', 'ASC']] }) : [];
  const latest = new Map(invitations.map((invitation) => [invitation.userId, invitation]));
  return users.map((user) => accountView(user, latest.get(user.id) ?? null));
}

/** Ends an association user's access: the account is deactivated, its links voided, its sessions ended at once. */
export async function revokePortalAccount(userId: number, actor: CurrentUser) {
  await User.sequelize!.transaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!user || user.role !== 'association') throw problems.notFound('Ce compte du portail n’existe pas.');
    await Invitation.update({ revokedAt: new Date() }, { where: { userId, usedAt: null, revokedAt: null }, transaction });
    if (user.active) {
      user.active = false;
      await user.save({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'revoke', entityType: 'user', entityId: userId, before: { active: true }, after: { active: false } });
    }
  });
  await DatabaseSessionStore.destroyAllForUser(userId);
}

async function usableInvitation(token: string, transaction?: Transaction) {
  const invitation = await Invitation.findOne({ where: { tokenHash: hashToken(token) }, transaction, ...(transaction ? { lock: transaction.LOCK.UPDATE } : {}) });
  const user = invitation ? await User.findByPk(invitation.userId, { transaction }) : null;
  if (!invitation || !user || invitation.usedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now() || !user.active || !user.partnerId) {
    throw problems.notFound('Ce lien d’invitation a expiré ou a déjà servi : demandez-en un nouveau au service des relations internationales.');
  }
  return { invitation, user };
}

export async function invitationInfo(token: string): Promise<InvitationInfo> {
  const { invitation, user } = await usableInvitation(token);
  const partner = await associationPartner(user.partnerId!);
  return { email: user.email, displayName: user.displayName, partnerName: partner.name, expiresAt: invitation.expiresAt };
}

/** The invited person chooses a password; the link is used up. They then sign in as usual. */
export async function acceptInvitation(token: string, password: string) {
  const preview = await usableInvitation(token);
  const refused = passwordProblem(password, { email: preview.user.email });
  if (refused) throw problems.invalid([{ path: 'password', message: refused }]);
  const passwordHash = await hashPassword(password);
  return User.sequelize!.transaction(async (transaction) => {
    const { invitation, user } = await usableInvitation(token, transaction);
    invitation.usedAt = new Date();
    await invitation.save({ transaction });
    user.passwordHash = passwordHash;
    await user.save({ transaction });
    await recordAudit(transaction, { actorUserId: user.id, action: 'invitation_accepted', entityType: 'user', entityId: user.id });
    return { email: user.email };
  });
}

// ---------------------------------------------------------------- the profile

const logoUrl = (partnerId: number) => `/api/v1/partners/${partnerId}/logo`;
const proposedLogoUrl = (updateId: number) => `/api/v1/profile-updates/${updateId}/logo`;

function profileValues(partner: Partner): Record<ProfileField, string | null> {
  return {
    website: partner.website,
    publicActivities: partner.publicActivities,
    publicNeeds: partner.publicNeeds,
    publicEvents: partner.publicEvents ?? null,
    publicEmail: partner.publicEmail,
    publicPhone: partner.publicPhone,
    logo: partner.logoFile ?? null,
  };
}

function publicProfile(partner: Partner): PublicProfile {
  const { logo, ...values } = profileValues(partner);
  return { id: partner.id, name: partner.name, kind: partner.kind, city: partner.city, ...values, logoUrl: logo ? logoUrl(partner.id) : null, version: partner.version };
}

async function ownPartner(user: CurrentUser, transaction?: Transaction) {
  // In a transaction the partner row is locked: two proposals at once still make one pending update.
  const partner = user.partnerId ? await Partner.findByPk(user.partnerId, { transaction, ...(transaction ? { lock: transaction.LOCK.UPDATE } : {}) }) : null;
  if (!partner) throw problems.notFound('Votre association n’a plus de fiche : contactez le service des relations internationales.');
  return partner;
}

/**
 * Of the logo files a change lets go, those nothing refers to once its transaction commits: no partner
 * (even deleted) has it as its logo, no pending proposal proposes it. Asked inside that transaction,
 * after its writes; the files are removed only once it has committed (`removeLogos`).
 */
async function unreferencedLogos(names: (string | null | undefined)[], transaction: Transaction): Promise<string[]> {
  const candidates = [...new Set(names.filter((name): name is string => Boolean(name)))];
  if (candidates.length === 0) return [];
  const partners = await Partner.findAll({ where: { logoFile: { [Op.in]: candidates } }, attributes: ['id', 'logoFile'], paranoid: false, transaction });
  const pending = await ProfileUpdate.findAll({
    where: { status: 'pending', [Op.or]: candidates.map((name) => ({ proposed: { [Op.like]: `%${name}%` } })) },
    transaction,
  });
  const used = new Set([...partners.map((partner) => partner.logoFile), ...pending.map((update) => update.proposed.logo)]);
  return candidates.filter((name) => !used.has(name));
}

async function removeLogos(names: string[], dataDir: string, log: LogoLog) {
  for (const name of names) await removeLogo(dataDir, name, log);
}

async function people(ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const users = wanted.length ? await User.findAll({ where: { id: { [Op.in]: wanted } }, attributes: ['id', 'displayName'] }) : [];
  return new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
}

async function updateViews(updates: ProfileUpdate[]): Promise<ProfileUpdateView[]> {
  const partnerIds = [...new Set(updates.map((update) => update.partnerId))];
  const partners = new Map(
    (partnerIds.length ? await Partner.findAll({ where: { id: { [Op.in]: partnerIds } }, paranoid: false }) : []).map((partner) => [partner.id, partner]),
  );
  const persons = await people(updates.flatMap((update) => [update.submittedByUserId, update.reviewedByUserId]));
  return updates.map((update) => {
    const partner = partners.get(update.partnerId)!;
    const current = profileValues(partner);
    const display = (field: ProfileField, value: string | null | undefined, kind: 'before' | 'proposed' | 'current') => {
      if (field !== 'logo' || !value) return value ?? null;
      if (kind === 'proposed') return proposedLogoUrl(update.id);
      return value === current.logo ? logoUrl(partner.id) : null;
    };
    const changes = profileFields
      .filter((field) => field in update.proposed)
      .map((field) => ({
        field,
        before: display(field, update.baseValues[field], 'before'),
        proposed: display(field, update.proposed[field], 'proposed'),
        current: display(field, current[field], 'current'),
        conflict: update.status === 'pending' && (update.baseValues[field] ?? null) !== current[field],
        accepted: update.status === 'pending' ? null : update.acceptedFields.includes(field),
      }));
    return {
      id: update.id,
      partner: { id: partner.id, name: partner.name },
      status: update.status,
      submittedAt: update.createdAt,
      submittedBy: persons.get(update.submittedByUserId ?? -1) ?? null,
      changes,
      stale: changes.some((change) => change.conflict),
      reviewMessage: update.reviewMessage,
      reviewedAt: update.reviewedAt,
      reviewedBy: persons.get(update.reviewedByUserId ?? -1) ?? null,
      version: update.version,
    };
  });
}

export async function portalHome(user: CurrentUser): Promise<PortalHome> {
  const partner = await ownPartner(user);
  const pending = await ProfileUpdate.findOne({ where: { partnerId: partner.id, status: 'pending' } });
  const reviewed = await ProfileUpdate.findAll({
    where: { partnerId: partner.id, status: { [Op.ne]: 'pending' } },
    order: [['reviewedAt', 'DESC'], ['id', 'DESC']],
    limit: 10,
  });
  const [pendingView] = pending ? await updateViews([pending]) : [null];
  return { profile: publicProfile(partner), pending: pendingView ?? null, reviewed: await updateViews(reviewed) };
}

/**
 * An association proposes new values for its public profile: only the fields that differ from the
 * record are kept. A proposal still waiting is replaced by the new one (one pending update per partner).
 * `version` is the partner version the association read: a stale one gets 409 with the current profile.
 */
export async function proposeProfileUpdate(user: CurrentUser, input: ProfileUpdateRequestData, deps: PortalDeps, log: LogoLog): Promise<ProfileUpdateView> {
  const logo = typeof input.logo === 'string' ? checkLogo(input.logo) : null;
  const storedLogo = logo ? await storeLogo(deps.dataDir, logo) : undefined;
  const { update, released } = await Partner.sequelize!.transaction(async (transaction) => {
    const partner = await ownPartner(user, transaction);
    if (input.version !== partner.version) {
      throw problems.conflict('version_conflict', 'La fiche a été modifiée entre-temps par le service : relisez-la avant de proposer vos changements.', {
        current: publicProfile(partner),
      });
    }
    const current = profileValues(partner);
    const wanted: ProfileValues = {};
    for (const field of profileFields) {
      const value = field === 'logo' ? (input.logo === undefined ? undefined : (storedLogo ?? null)) : input[field];
      if (value !== undefined && value !== current[field]) wanted[field] = value;
    }
    if (Object.keys(wanted).length === 0) {
      throw problems.invalid([], 'Aucun changement par rapport à la fiche actuelle.');
    }
    const baseValues = Object.fromEntries(Object.keys(wanted).map((field) => [field, current[field as ProfileField]]));
    const pending = await ProfileUpdate.findOne({ where: { partnerId: partner.id, status: 'pending' }, transaction, lock: transaction.LOCK.UPDATE });
    // The logo of the proposal this one replaces is let go.
    const replacedLogo = pending?.proposed.logo;
    const row = pending ?? ProfileUpdate.build({ partnerId: partner.id, proposed: {}, baseValues: {}, baseVersion: partner.version, submittedByUserId: user.id, reviewMessage: null, reviewedByUserId: null, reviewedAt: null });
    row.set({ proposed: wanted, baseValues, baseVersion: partner.version, submittedByUserId: user.id });
    row.changed('proposed', true);
    row.changed('baseValues', true);
    await row.save({ transaction });
    await recordAudit(transaction, {
      actorUserId: user.id,
      action: pending ? 'update' : 'create',
      entityType: 'profile_update',
      entityId: row.id,
      after: { partnerId: partner.id, ...wanted },
    });
    return { update: row, released: await unreferencedLogos([replacedLogo], transaction) };
  }).catch(async (error: unknown) => {
    // A refused proposal keeps no file behind.
    if (storedLogo) await removeLogo(deps.dataDir, storedLogo, log);
    throw error;
  });
  await removeLogos(released, deps.dataDir, log);
  return (await updateViews([update]))[0]!;
}

// ---------------------------------------------------------------- the review

export async function listProfileUpdates(query: { status: 'pending' | 'reviewed'; partner?: number | undefined }): Promise<ProfileUpdateView[]> {
  const updates = await ProfileUpdate.findAll({
    where: { status: query.status === 'pending' ? 'pending' : { [Op.ne]: 'pending' }, ...(query.partner ? { partnerId: query.partner } : {}) },
    order: query.status === 'pending' ? [['createdAt', 'ASC'], ['id', 'ASC']] : [['reviewedAt', 'DESC'], ['id', 'DESC']],
    limit: 200,
  });
  return updateViews(updates);
}

/** An update, for the staff, or for the association it belongs to; anyone else gets a 404. */
export async function findProfileUpdate(id: number, user: CurrentUser) {
  const update = await ProfileUpdate.findByPk(id);
  if (!update || (user.role === 'association' && update.partnerId !== user.partnerId)) throw problems.notFound('Cette proposition n’existe pas.');
  return update;
}

export async function getProfileUpdate(id: number, user: CurrentUser): Promise<ProfileUpdateView> {
  return (await updateViews([await findProfileUpdate(id, user)]))[0]!;
}

/**
 * An officer accepts some or all of the proposed fields (the partner changes, with its audit event, in
 * the same transaction) or rejects the proposal with a message. A field that changed on the partner
 * since the proposal is a conflict: it is applied only with `applyDespiteConflict`.
 */
export async function reviewProfileUpdate(
  id: number,
  review: ProfileReviewData,
  actor: CurrentUser,
  deps: Pick<PortalDeps, 'dataDir'>,
  log: LogoLog,
): Promise<ProfileUpdateView> {
  const { reviewed, released } = await Partner.sequelize!.transaction(async (transaction) => {
    const update = await ProfileUpdate.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!update) throw problems.notFound('Cette proposition n’existe pas.');
    if (update.version !== review.version) {
      throw problems.conflict('version_conflict', 'La proposition a changé entre-temps (l’association l’a complétée) : relisez-la.', {
        current: (await updateViews([update]))[0],
      });
    }
    if (update.status !== 'pending') throw problems.conflict('already_reviewed', 'Cette proposition a déjà été traitée.');
    const proposedFields = profileFields.filter((field) => field in update.proposed);
    if (review.decision === 'reject') {
      if (!review.message) throw problems.invalid([{ path: 'message', message: 'Expliquez à l’association pourquoi sa proposition est refusée.' }]);
      update.set({ status: 'rejected', acceptedFields: [], reviewMessage: review.message, reviewedByUserId: actor.id, reviewedAt: new Date() });
      await update.save({ transaction });
      await recordAudit(transaction, { actorUserId: actor.id, action: 'reject', entityType: 'profile_update', entityId: id, after: { message: review.message } });
      return { reviewed: update, released: await unreferencedLogos([update.proposed.logo], transaction) };
    }
    const fields = review.fields ?? proposedFields;
    const unknown = fields.filter((field) => !proposedFields.includes(field));
    if (fields.length === 0) throw problems.invalid([{ path: 'fields', message: 'Choisissez au moins un champ à accepter, ou refusez la proposition.' }]);
    if (unknown.length) throw problems.invalid([{ path: 'fields', message: 'Ces champs ne font pas partie de la proposition.' }]);
    const partner = await Partner.findByPk(update.partnerId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!partner) throw problems.conflict('partner_gone', 'La fiche de cette association a été supprimée : la proposition ne peut plus être appliquée.');
    const current = profileValues(partner);
    const conflicts = fields.filter((field) => (update.baseValues[field] ?? null) !== current[field]);
    if (conflicts.length && !review.applyDespiteConflict) {
      throw problems.conflict('profile_update_conflict', 'La fiche a changé depuis la proposition pour certains champs : comparez avant d’appliquer.', {
        fields: conflicts,
        current: (await updateViews([update]))[0],
      });
    }
    const before = snapshot(await partnerView(partner, transaction));
    const logoBefore = partner.logoFile ?? null;
    for (const field of fields) {
      const value = update.proposed[field] ?? null;
      if (field === 'logo') partner.logoFile = value;
      else partner.set(field, value);
    }
    partner.changed('updatedAt', true);
    await partner.save({ transaction });
    const diff = changedFields(before, snapshot(await partnerView(partner, transaction)));
    // The snapshot only says whether there is a logo: a replaced one is named by its file in the history.
    if (fields.includes('logo') && logoBefore !== (partner.logoFile ?? null)) {
      diff.before['logo'] = logoBefore;
      diff.after['logo'] = partner.logoFile ?? null;
      diff.changed = true;
    }
    if (diff.changed) {
      await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'partner', entityId: partner.id, before: diff.before, after: diff.after });
      await reindex(transaction, 'partner', [partner.id]);
    }
    update.set({
      status: fields.length === proposedFields.length ? 'accepted' : 'partially_accepted',
      acceptedFields: fields,
      reviewMessage: review.message ?? null,
      reviewedByUserId: actor.id,
      reviewedAt: new Date(),
    });
    await update.save({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'accept', entityType: 'profile_update', entityId: id, after: { fields, message: review.message ?? null } });
    // A proposed logo left out, or the logo an accepted one replaced or removed, is let go.
    return { reviewed: update, released: await unreferencedLogos([update.proposed.logo, logoBefore], transaction) };
  });
  // Only now that the change is committed: a rollback never leaves a record pointing at a removed file.
  await removeLogos(released, deps.dataDir, log);
  return (await updateViews([reviewed]))[0]!;
}

/** The logo file of a partner, for the staff or the association itself (anyone else: 404). */
export async function partnerLogoFile(partnerId: number, user: CurrentUser) {
  if (user.role === 'association' && user.partnerId !== partnerId) throw problems.notFound('Pas de logo.');
  const partner = await Partner.findByPk(partnerId);
  if (!partner?.logoFile) throw problems.notFound('Pas de logo.');
  return partner.logoFile;
}

export async function proposedLogoFile(updateId: number, user: CurrentUser) {
  const update = await findProfileUpdate(updateId, user);
  const name = update.proposed.logo;
  if (!name) throw problems.notFound('Pas de logo.');
  return name;
}
