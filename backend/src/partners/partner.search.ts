import { Op, type Transaction } from 'sequelize';
import type { SearchDocument, SearchSource } from '../search/search-index';
import { Partner, PartnerTag } from './partner.model';

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });

type PartnerFields = Pick<Partner, 'id' | 'name' | 'localNames' | 'description' | 'city' | 'country' | 'kind' | 'publicActivities' | 'publicNeeds'> & {
  /** The events an association organises (its portal profile); an import has none. */
  publicEvents?: string | null;
};

/** A partner's search document, from its fields and tags (also used by imports, which have them at hand). */
export function partnerDocument(partner: PartnerFields, tags: string[]): SearchDocument {
  return {
    recordId: partner.id,
    title: partner.name,
    names: [partner.name, ...Object.values(partner.localNames ?? {})],
    body: [partner.description, partner.city, partner.country ? countryNames.of(partner.country) : null, tags.join(', '), partner.publicActivities, partner.publicNeeds, partner.publicEvents]
      .filter(Boolean)
      .join('\n'),
    partnerId: partner.id,
    partnerKind: partner.kind,
    country: partner.country,
    occurredAt: null,
  };
}

/** How partners are found: by name and local names first, then description, city, country, tags and public profile. */
export const partnerSearchSource: SearchSource = {
  kind: 'partner',
  async documents(ids: number[], transaction: Transaction | null) {
    const partners = await Partner.findAll({ where: { id: ids }, transaction });
    const tags = await PartnerTag.findAll({ where: { partnerId: ids }, transaction });
    return partners.map((partner) => partnerDocument(partner, tags.filter((tag) => tag.partnerId === partner.id).map((tag) => tag.tag)));
  },
  async nextIds(afterId: number, limit: number) {
    const rows = await Partner.findAll({ attributes: ['id'], where: { id: { [Op.gt]: afterId } }, order: [['id', 'ASC']], limit });
    return rows.map((row) => row.id);
  },
  url: (id) => `/partenaires/${id}`,
  objectiveCondition: 'e.record_id IN (SELECT po.partner_id FROM partner_objectives po WHERE po.objective_id = :objective)',
};
