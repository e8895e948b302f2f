import { Op, type Transaction } from 'sequelize';
import { Partner } from '../partners/partner.model';
import type { SearchSource } from '../search/search-index';
import { Affiliation, Contact } from './contact.model';

/** How people are found: by name and e-mail first, then job title, roles, partners and notes. */
export const contactSearchSource: SearchSource = {
  kind: 'contact',
  async documents(ids: number[], transaction: Transaction | null) {
    const contacts = await Contact.findAll({ where: { id: ids }, transaction });
    const affiliations = await Affiliation.findAll({ where: { contactId: ids }, order: [['startedOn', 'DESC'], ['id', 'DESC']], transaction });
    const partners = await Partner.findAll({
      where: { id: [...new Set(affiliations.map((affiliation) => affiliation.partnerId))] },
      attributes: ['id', 'name', 'kind', 'country'],
      transaction,
    });
    const partnerById = new Map(partners.map((partner) => [partner.id, partner]));
    return contacts.map((contact) => {
      const own = affiliations.filter((affiliation) => affiliation.contactId === contact.id);
      const current = own.find((affiliation) => !affiliation.endedOn && partnerById.has(affiliation.partnerId)) ?? own.find((affiliation) => partnerById.has(affiliation.partnerId));
      const main = current ? partnerById.get(current.partnerId) : undefined;
      return {
        recordId: contact.id,
        title: contact.fullName,
        names: [contact.fullName, ...contact.emails],
        body: [
          contact.jobTitle,
          ...own.map((affiliation) => [affiliation.role, partnerById.get(affiliation.partnerId)?.name].filter(Boolean).join(', ')),
          contact.notes,
        ]
          .filter(Boolean)
          .join('\n'),
        partnerId: main?.id ?? null,
        partnerKind: main?.kind ?? null,
        country: contact.country ?? main?.country ?? null,
        occurredAt: null,
      };
    });
  },
  async nextIds(afterId: number, limit: number) {
    const rows = await Contact.findAll({ attributes: ['id'], where: { id: { [Op.gt]: afterId } }, order: [['id', 'ASC']], limit });
    return rows.map((row) => row.id);
  },
  url: (id) => `/contacts/${id}`,
};

/** The people affiliated to these partners, whose search entries name the partners. */
export async function contactIdsOfPartners(partnerIds: number[], transaction: Transaction | null) {
  const rows = await Affiliation.findAll({ attributes: ['contactId'], where: { partnerId: partnerIds }, transaction });
  return [...new Set(rows.map((row) => row.contactId))];
}
