import { Op, type Transaction } from 'sequelize';
import { Affiliation } from '../contacts/contact.model';
import { FollowUp } from '../follow-ups/follow-up.model';
import { InteractionPartner } from '../interactions/interaction.model';
import { Relationship } from '../relationships/relationship.model';
import { sameLinkWhere } from '../relationships/relationships.service';
import { User } from '../users/user.model';
import { PartnerObjective, PartnerTag } from './partner.model';

export type RepointContext = { keptId: number; mergedId: number; transaction: Transaction };

/**
 * Moves one kind of link from the merged partner to the kept one and says how many moved. Every
 * table that points at a partner has one here: a feature that adds such a table (interactions,
 * follow-ups, projects...) adds its re-pointer to this list, and merging stays complete.
 */
export type PartnerRepointer = { name: string; repoint: (context: RepointContext) => Promise<number> };

export const partnerRepointers: PartnerRepointer[] = [
  {
    name: 'affiliations',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const [count] = await Affiliation.update({ partnerId: keptId }, { where: { partnerId: mergedId }, transaction });
      return count;
    },
  },
  {
    name: 'relationships',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const links = await Relationship.findAll({ where: { [Op.or]: [{ sourcePartnerId: mergedId }, { targetPartnerId: mergedId }] }, transaction });
      let moved = 0;
      for (const link of links) {
        const sourcePartnerId = link.sourcePartnerId === mergedId ? keptId : link.sourcePartnerId;
        const targetPartnerId = link.targetPartnerId === mergedId ? keptId : link.targetPartnerId;
        const duplicate =
          sourcePartnerId === targetPartnerId ||
          (await Relationship.findOne({ where: { ...sameLinkWhere(link.type, sourcePartnerId, targetPartnerId), id: { [Op.ne]: link.id } }, transaction }));
        if (duplicate) {
          // A link to itself, or one the kept partner already has: nothing to keep.
          await link.destroy({ transaction });
          continue;
        }
        await Relationship.update({ sourcePartnerId, targetPartnerId }, { where: { id: link.id }, transaction });
        moved += 1;
      }
      return moved;
    },
  },
  {
    name: 'tags',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const kept = new Set((await PartnerTag.findAll({ where: { partnerId: keptId }, transaction })).map((row) => row.tag.toLowerCase()));
      const merged = await PartnerTag.findAll({ where: { partnerId: mergedId }, transaction });
      const added = merged.filter((row) => !kept.has(row.tag.toLowerCase()));
      if (added.length > 0) await PartnerTag.bulkCreate(added.map((row) => ({ partnerId: keptId, tag: row.tag })), { transaction });
      await PartnerTag.destroy({ where: { partnerId: mergedId }, transaction });
      return added.length;
    },
  },
  {
    name: 'objectives',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const kept = new Set((await PartnerObjective.findAll({ where: { partnerId: keptId }, transaction })).map((row) => row.objectiveId));
      const merged = await PartnerObjective.findAll({ where: { partnerId: mergedId }, transaction });
      const added = merged.filter((row) => !kept.has(row.objectiveId));
      if (added.length > 0) await PartnerObjective.bulkCreate(added.map((row) => ({ partnerId: keptId, objectiveId: row.objectiveId })), { transaction });
      await PartnerObjective.destroy({ where: { partnerId: mergedId }, transaction });
      return added.length;
    },
  },
  {
    name: 'associationAccounts',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const [count] = await User.update({ partnerId: keptId }, { where: { partnerId: mergedId }, transaction });
      return count;
    },
  },
  {
    name: 'interactions',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const kept = new Set((await InteractionPartner.findAll({ where: { partnerId: keptId }, transaction })).map((row) => row.interactionId));
      const merged = await InteractionPartner.findAll({ where: { partnerId: mergedId }, transaction });
      // An interaction with both partners keeps one link, to the partner kept.
      const added = merged.filter((row) => !kept.has(row.interactionId));
      await InteractionPartner.destroy({ where: { partnerId: mergedId }, transaction });
      if (added.length > 0) await InteractionPartner.bulkCreate(added.map((row) => ({ interactionId: row.interactionId, partnerId: keptId })), { transaction });
      return added.length;
    },
  },
  {
    name: 'followUps',
    repoint: async ({ keptId, mergedId, transaction }) => {
      const [count] = await FollowUp.update({ partnerId: keptId }, { where: { partnerId: mergedId }, transaction, paranoid: false });
      return count;
    },
  },
];
