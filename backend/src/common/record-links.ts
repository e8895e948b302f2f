import type { Transaction } from 'sequelize';
import { Contact } from '../contacts/contact.model';
import type { FieldError } from '../http/problem';
import { Objective } from '../objectives/objective.model';
import { Partner } from '../partners/partner.model';

/** Ids given for links (partners, contacts, objectives) without repeats, in the given order. */
export function uniqueIds(ids: readonly number[] | undefined) {
  return [...new Set(ids ?? [])];
}

/**
 * Checks that linked records exist: a deleted partner or contact may stay linked (`kept`) but not be
 * newly linked. Pushes one error per unknown id, at `path.index`.
 */
export async function checkLinks(
  input: { partnerIds?: number[] | undefined; contactIds?: number[] | undefined; objectiveIds?: number[] | undefined },
  errors: FieldError[],
  transaction: Transaction,
  kept: { partnerIds?: number[]; contactIds?: number[] } = {},
) {
  const check = async (path: string, ids: number[] | undefined, find: (ids: number[]) => Promise<{ id: number; deletedAt?: Date | null }[]>, keptIds: number[], message: string) => {
    if (!ids?.length) return;
    const found = await find(uniqueIds(ids));
    ids.forEach((id, index) => {
      const row = found.find((candidate) => candidate.id === id);
      if (!row || (row.deletedAt && !keptIds.includes(id))) errors.push({ path: `${path}.${index}`, message });
    });
  };
  await check(
    'partnerIds',
    input.partnerIds,
    (ids) => Partner.findAll({ where: { id: ids }, attributes: ['id', 'deletedAt'], paranoid: false, transaction }),
    kept.partnerIds ?? [],
    'Ce partenaire n’existe pas ou a été supprimé.',
  );
  await check(
    'contactIds',
    input.contactIds,
    (ids) => Contact.findAll({ where: { id: ids }, attributes: ['id', 'deletedAt'], paranoid: false, transaction }),
    kept.contactIds ?? [],
    'Ce contact n’existe pas ou a été supprimé.',
  );
  await check('objectiveIds', input.objectiveIds, (ids) => Objective.findAll({ where: { id: ids }, attributes: ['id'], transaction }), [], 'Cet objectif n’existe pas.');
}

/** Names of partners, contacts and objectives by id (deleted partners and contacts too). */
export async function linkNames(ids: { partnerIds: number[]; contactIds: number[]; objectiveIds: number[] }, transaction?: Transaction) {
  const [partners, contacts, objectives] = await Promise.all([
    ids.partnerIds.length ? Partner.findAll({ where: { id: uniqueIds(ids.partnerIds) }, attributes: ['id', 'name'], paranoid: false, transaction }) : [],
    ids.contactIds.length ? Contact.findAll({ where: { id: uniqueIds(ids.contactIds) }, paranoid: false, transaction }) : [],
    ids.objectiveIds.length ? Objective.findAll({ where: { id: uniqueIds(ids.objectiveIds) }, transaction }) : [],
  ]);
  return {
    partner: new Map(partners.map((partner) => [partner.id, { id: partner.id, name: partner.name }])),
    contact: new Map(contacts.map((contact) => [contact.id, { id: contact.id, name: contact.fullName }])),
    objective: new Map(objectives.map((objective) => [objective.id, { id: objective.id, code: objective.code, title: objective.title, position: objective.position }])),
  };
}

/** Today's date (YYYY-MM-DD) in the town's time zone. */
export function todayIso(timeZone = process.env['TIME_ZONE'] ?? 'Europe/Paris', now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(isoDate: string, days: number) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
