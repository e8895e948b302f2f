import { Op, type Transaction } from 'sequelize';
import { Partner } from '../partners/partner.model';
import type { SearchSource } from '../search/search-index';
import { Project, ProjectMilestone, ProjectPartner } from './project.model';

/** How projects are found: by title first, then description, partners and milestones. */
export const projectSearchSource: SearchSource = {
  kind: 'project',
  async documents(ids: number[], transaction: Transaction | null) {
    const projects = await Project.findAll({ where: { id: ids }, transaction });
    const links = await ProjectPartner.findAll({ where: { projectId: ids }, transaction });
    const milestones = await ProjectMilestone.findAll({ where: { projectId: ids }, transaction });
    const partners = await Partner.findAll({ where: { id: [...new Set(links.map((link) => link.partnerId))] }, attributes: ['id', 'name', 'kind', 'country'], transaction });
    const partnerById = new Map(partners.map((partner) => [partner.id, partner]));
    return projects.map((project) => {
      const own = links.filter((link) => link.projectId === project.id).flatMap((link) => partnerById.get(link.partnerId) ?? []);
      return {
        recordId: project.id,
        title: project.title,
        names: [project.title],
        body: [project.description, own.map((partner) => partner.name).join(', '), ...milestones.filter((m) => m.projectId === project.id).map((m) => m.title)]
          .filter(Boolean)
          .join('\n'),
        partnerId: own[0]?.id ?? null,
        partnerKind: own[0]?.kind ?? null,
        country: own[0]?.country ?? null,
        occurredAt: project.startsOn ? new Date(`${project.startsOn}T00:00:00Z`) : null,
      };
    });
  },
  async nextIds(afterId: number, limit: number) {
    const rows = await Project.findAll({ attributes: ['id'], where: { id: { [Op.gt]: afterId } }, order: [['id', 'ASC']], limit });
    return rows.map((row) => row.id);
  },
  url: (id) => `/projets/${id}`,
};
