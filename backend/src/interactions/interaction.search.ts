import { Op, type Transaction } from 'sequelize';
import { interactionTypeLabels } from '../common/labels';
import type { SearchSource } from '../search/search-index';
import { Interaction } from './interaction.model';
import { interactionItems } from './interactions.service';


/** Interactions are found by subject first, then notes, place, partners, contacts and people of the town. */
export const interactionSearchSource: SearchSource = {
  kind: 'interaction',
  async documents(ids: number[], transaction: Transaction | null) {
    const rows = await Interaction.findAll({ where: { id: ids }, transaction });
    const items = await interactionItems(rows, transaction);
    return items.map((item) => {
      const main = item.partners[0];
      return {
        recordId: item.id,
        title: `${interactionTypeLabels[item.type] ?? item.type} — ${item.subject}`,
        names: [item.subject],
        body: [
          item.partners.map((partner) => partner.name).join(', '),
          item.contacts.map((contact) => contact.fullName).join(', '),
          item.location,
          item.notes,
          item.participants.map((participant) => participant.displayName).join(', '),
        ]
          .filter(Boolean)
          .join('\n'),
        partnerId: main?.id ?? null,
        partnerKind: main?.kind ?? null,
        country: null,
        occurredAt: item.occurredAt,
      };
    });
  },
  async nextIds(afterId: number, limit: number) {
    const rows = await Interaction.findAll({ attributes: ['id'], where: { id: { [Op.gt]: afterId } }, order: [['id', 'ASC']], limit });
    return rows.map((row) => row.id);
  },
  url: (id) => `/interactions/${id}`,
};
