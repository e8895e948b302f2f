import type { Transaction } from 'sequelize';
import { FollowUp } from '../follow-ups/follow-up.model';
import { InteractionContact } from '../interactions/interaction.model';
import { Affiliation } from './contact.model';

export type ContactRepointContext = { keptId: number; mergedId: number; transaction: Transaction };

/**
 * Moves one kind of link from the merged contact to the kept one. A feature that adds a table
 * pointing at contacts (interactions, follow-ups...) adds its re-pointer here.
 */
export type ContactRepointer = { name: string; repoint: (context: ContactRepointContext) => Promise<number> };

export const contactRepointers: ContactRepointer[] = [
  {
    name: 'affiliations',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const kept = await Affiliation.findAll({ where: { contactId: keptId }, transaction });
      const same = (a: Affiliation, b: Affiliation) =>
        a.partnerId === b.partnerId && a.roleKey === b.roleKey && a.startedOn === b.startedOn && a.endedOn === b.endedOn;
      let moved = 0;
      for (const affiliation of await Affiliation.findAll({ where: { contactId: mergedId }, transaction })) {
        if (kept.some((existing) => same(existing, affiliation))) {
          await affiliation.destroy({ transaction });
          continue;
        }
        await Affiliation.update({ contactId: keptId }, { where: { id: affiliation.id }, transaction });
        moved += 1;
      }
      return moved;
    },
  },
  {
    name: 'interactions',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const kept = new Set((await InteractionContact.findAll({ where: { contactId: keptId }, transaction })).map((row) => row.interactionId));
      const merged = await InteractionContact.findAll({ where: { contactId: mergedId }, transaction });
      const added = merged.filter((row) => !kept.has(row.interactionId));
      await InteractionContact.destroy({ where: { contactId: mergedId }, transaction });
      if (added.length > 0) await InteractionContact.bulkCreate(added.map((row) => ({ interactionId: row.interactionId, contactId: keptId })), { transaction });
      return added.length;
    },
  },
  {
    name: 'followUps',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const [count] = await FollowUp.update({ contactId: keptId }, { where: { contactId: mergedId }, transaction, paranoid: false });
      return count;
    },
  },
];
