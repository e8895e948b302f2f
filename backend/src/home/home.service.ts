import { literal, Op } from 'sequelize';
import { recordAudit } from '../audit/audit.service';
import { addDays } from '../common/town-time';
import { FollowUp } from '../follow-ups/follow-up.model';
import { followUpViews, type Actor, type Clock } from '../follow-ups/follow-ups.service';
import { problems } from '../http/problem';
import { Interaction } from '../interactions/interaction.model';
import { interactionItems } from '../interactions/interactions.service';
import { Partner } from '../partners/partner.model';
import { partnerKinds, type PartnerKind } from '../partners/partners.schema';
import { Setting } from '../settings/setting.model';
import type { HomePage, HomeQuery, KeyDate, QuietPartnerSettings, QuietPartnerSettingsUpdate } from './home.schema';

const settingKey = 'quietPartners';
const defaultMonths = 12;
const listSize = 20;

export async function quietPartnerSettings(): Promise<QuietPartnerSettings> {
  const row = await Setting.findByPk(settingKey);
  const stored = (row?.value?.['months'] ?? {}) as Partial<Record<PartnerKind, number>>;
  const months = Object.fromEntries(partnerKinds.map((kind) => [kind, stored[kind] ?? defaultMonths])) as Record<PartnerKind, number>;
  return { months, version: row?.version ?? 0 };
}

export async function updateQuietPartnerSettings(update: QuietPartnerSettingsUpdate, actor: Actor): Promise<QuietPartnerSettings> {
  return Setting.sequelize!.transaction(async (transaction) => {
    const row = await Setting.findByPk(settingKey, { transaction });
    // The row is made by its migration.
    if (!row) throw problems.notFound();
    const current = await quietPartnerSettings();
    if (row.version !== update.version) throw problems.conflict('version_conflict', 'Ces réglages ont été modifiés entre-temps par quelqu’un d’autre.', { current });
    const months = { ...current.months, ...update.months };
    row.value = { months };
    row.updatedByUserId = actor.id;
    row.changed('value', true);
    const saved = await row.save({ transaction });
    await recordAudit(transaction, { actorUserId: actor.id, action: 'update', entityType: 'settings', entityId: null, before: { quietPartners: current.months }, after: { quietPartners: months } });
    return { months, version: saved.version };
  });
}

/** Subtracts calendar months from an instant (the 31st becomes the month's last day). */
function monthsBefore(instant: Date, months: number) {
  const date = new Date(instant);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date;
}

/** Active partners with no interaction for the months set for their kind (or `override`), longest silent first. */
async function quietPartners(now: Date, override: number | undefined) {
  const { months } = await quietPartnerSettings();
  const conditions = partnerKinds.map((kind) => {
    const threshold = override ?? months[kind];
    return { kind, [Op.or]: [{ lastInteractionAt: null }, { lastInteractionAt: { [Op.lt]: monthsBefore(now, threshold) } }] };
  });
  // The town's own record is not a partner one keeps in touch with.
  const where = { status: 'active', seedKey: { [Op.or]: [null, { [Op.ne]: 'ville-de-sceaux' }] }, [Op.or]: conditions };
  const [rows, count] = await Promise.all([
    Partner.findAll({
      where,
      attributes: ['id', 'name', 'kind', 'lastInteractionAt'],
      // Never contacted first, then the longest silent.
      order: [[literal('(last_interaction_at IS NULL)'), 'DESC'], ['lastInteractionAt', 'ASC'], ['id', 'ASC']],
      limit: listSize,
    }),
    Partner.count({ where }),
  ]);
  return {
    count,
    items: rows.map((partner) => ({
      partner: { id: partner.id, name: partner.name, kind: partner.kind },
      lastInteractionAt: partner.lastInteractionAt ?? null,
      months: override ?? months[partner.kind],
    })),
  };
}

/** Twinning anniversaries (charter signed) and label renewals due within `days`; renewals already past due too. */
async function keyDates(today: string, days: number): Promise<KeyDate[]> {
  const horizon = addDays(today, days);
  const [charters, labels] = await Promise.all([
    Partner.findAll({ where: { charterSignedOn: { [Op.ne]: null } }, attributes: ['id', 'name', 'kind', 'charterSignedOn'] }),
    Partner.findAll({ where: { labelRenewalDueOn: { [Op.ne]: null, [Op.lte]: horizon } }, attributes: ['id', 'name', 'kind', 'labelRenewalDueOn'] }),
  ]);
  const dates: KeyDate[] = [];
  const year = Number(today.slice(0, 4));
  for (const partner of charters) {
    const signed = partner.charterSignedOn!;
    for (const candidateYear of [year, year + 1]) {
      // 29 February is celebrated on 28 February in other years.
      let date = `${candidateYear}${signed.slice(4)}`;
      if (signed.slice(5) === '02-29' && new Date(`${date}T00:00:00Z`).getUTCMonth() !== 1) date = `${candidateYear}-02-28`;
      if (date >= today && date <= horizon && candidateYear > Number(signed.slice(0, 4))) {
        dates.push({ kind: 'twinning_anniversary', date, partner: { id: partner.id, name: partner.name, kind: partner.kind }, years: candidateYear - Number(signed.slice(0, 4)), overdue: false });
        break;
      }
    }
  }
  for (const partner of labels) {
    const date = partner.labelRenewalDueOn!;
    dates.push({ kind: 'label_renewal', date, partner: { id: partner.id, name: partner.name, kind: partner.kind }, years: null, overdue: date < today });
  }
  return dates.sort((a, b) => a.date.localeCompare(b.date) || a.partner.name.localeCompare(b.partner.name, 'fr'));
}

/** The officer's day: my open follow-ups, my recent interactions, partners gone quiet, key dates coming. */
export async function homePage(user: Actor, query: HomeQuery, clock: Clock, now = new Date()): Promise<HomePage> {
  const mine = { assigneeUserId: user.id, status: 'open' };
  const [followUpRows, followUpCount, interactions, quiet, dates] = await Promise.all([
    FollowUp.findAll({ where: mine, order: [['dueOn', 'ASC'], ['id', 'ASC']], limit: listSize }),
    FollowUp.count({ where: mine }),
    Interaction.findAll({
      where: {
        [Op.or]: [
          { createdByUserId: user.id },
          { id: { [Op.in]: literal(`(SELECT interaction_id FROM interaction_participants WHERE user_id = ${Number(user.id)})`) } },
        ],
      },
      order: [['occurredAt', 'DESC'], ['id', 'DESC']],
      limit: 8,
    }),
    quietPartners(now, query.quietMonths),
    keyDates(clock.today, query.keyDateDays),
  ]);
  return {
    today: clock.today,
    followUps: await followUpViews(followUpRows, clock),
    followUpCount,
    recentInteractions: await interactionItems(interactions),
    quietPartners: quiet.items,
    quietPartnerCount: quiet.count,
    keyDates: dates,
  };
}
