import { Op, type Transaction } from 'sequelize';
import { Contact } from '../contacts/contact.model';
import { InteractionPartner, Interaction } from '../interactions/interaction.model';
import { Partner } from '../partners/partner.model';
import type { SearchSource } from '../search/search-index';
import { FollowUp } from './follow-up.model';

/** Follow-ups are found by title, then notes and what they are linked to. */
export const followUpSearchSource: SearchSource = {
  kind: 'follow_up',
  async documents(ids: number[], transaction: Transaction | null) {
    const rows = await FollowUp.findAll({ where: { id: ids }, transaction });
    const interactionIds = rows.map((row) => row.interactionId).filter((id): id is number => id !== null);
    const [interactions, links] = await Promise.all([
      interactionIds.length ? Interaction.findAll({ where: { id: interactionIds }, attributes: ['id', 'subject'], paranoid: false, transaction }) : [],
      interactionIds.length ? InteractionPartner.findAll({ where: { interactionId: interactionIds }, transaction }) : [],
    ]);
    const partnerIdOf = (row: FollowUp) => row.partnerId ?? links.find((link) => link.interactionId === row.interactionId)?.partnerId ?? null;
    const partnerIds = [...new Set(rows.map(partnerIdOf).filter((id): id is number => id !== null))];
    const contactIds = [...new Set(rows.map((row) => row.contactId).filter((id): id is number => id !== null))];
    const [partners, contacts] = await Promise.all([
      partnerIds.length ? Partner.findAll({ where: { id: partnerIds }, attributes: ['id', 'name', 'kind', 'country'], paranoid: false, transaction }) : [],
      contactIds.length ? Contact.findAll({ where: { id: contactIds }, attributes: ['id', 'firstName', 'lastName'], paranoid: false, transaction }) : [],
    ]);
    return rows.map((row) => {
      const partnerId = partnerIdOf(row);
      const partner = partners.find((candidate) => candidate.id === partnerId);
      const contact = contacts.find((candidate) => candidate.id === row.contactId);
      const interaction = interactions.find((candidate) => candidate.id === row.interactionId);
      return {
        recordId: row.id,
        title: row.title,
        names: [row.title],
        body: [partner?.name, contact?.fullName, interaction?.subject, row.notes].filter(Boolean).join('\n'),
        partnerId: partner?.id ?? null,
        partnerKind: partner?.kind ?? null,
        country: partner?.country ?? null,
        occurredAt: new Date(`${row.dueOn}T12:00:00Z`),
      };
    });
  },
  async nextIds(afterId: number, limit: number) {
    const rows = await FollowUp.findAll({ attributes: ['id'], where: { id: { [Op.gt]: afterId } }, order: [['id', 'ASC']], limit });
    return rows.map((row) => row.id);
  },
  url: (id) => `/suivis?suivi=${id}`,
};
