import { Op, type Transaction } from 'sequelize';
import { Partner } from '../partners/partner.model';
import type { SearchSource } from '../search/search-index';
import { Visit, VisitPartner } from './visit.model';

/** How visits are found: by title first, then places, partners, delegation, programme and notes. */
export const visitSearchSource: SearchSource = {
  kind: 'visit',
  async documents(ids: number[], transaction: Transaction | null) {
    const visits = await Visit.findAll({ where: { id: ids }, transaction });
    const links = await VisitPartner.findAll({ where: { visitId: ids }, transaction });
    const partners = await Partner.findAll({ where: { id: [...new Set(links.map((link) => link.partnerId))] }, attributes: ['id', 'name', 'kind', 'country'], transaction });
    const partnerById = new Map(partners.map((partner) => [partner.id, partner]));
    return visits.map((visit) => {
      const own = links.filter((link) => link.visitId === visit.id).flatMap((link) => partnerById.get(link.partnerId) ?? []);
      return {
        recordId: visit.id,
        title: visit.title,
        names: [visit.title],
        body: [
          visit.places.join(', '),
          own.map((partner) => partner.name).join(', '),
          visit.delegation.map((member) => [member.name, member.role].filter(Boolean).join(', ')).join('\n'),
          visit.programme.map((item) => [item.place, item.what].filter(Boolean).join(' : ')).join('\n'),
          visit.notesForMayor,
        ]
          .filter(Boolean)
          .join('\n'),
        partnerId: own[0]?.id ?? null,
        partnerKind: own[0]?.kind ?? null,
        country: own[0]?.country ?? null,
        occurredAt: new Date(`${visit.startsOn}T00:00:00Z`),
      };
    });
  },
  async nextIds(afterId: number, limit: number) {
    const rows = await Visit.findAll({ attributes: ['id'], where: { id: { [Op.gt]: afterId } }, order: [['id', 'ASC']], limit });
    return rows.map((row) => row.id);
  },
  url: (id) => `/visites/${id}`,
};
