import type { Sequelize } from 'sequelize';
import { AuditEvent } from '../audit/audit-event.model';
import { Session } from '../auth/session.model';
import { Job } from '../jobs/job.model';
import { Objective } from '../objectives/objective.model';
import { Partner, PartnerTag } from '../partners/partner.model';
import { SearchEntry } from '../search/search-entry.model';
import { Relationship } from '../relationships/relationship.model';
import { User } from '../users/user.model';

/** Binds every model to the database and declares the associations between them. */
export function initModels(sequelize: Sequelize) {
  for (const model of [User, Session, AuditEvent, Objective, Partner, PartnerTag, Relationship, Job, SearchEntry]) model.initModel(sequelize);

  User.belongsTo(Partner, { as: 'partner', foreignKey: 'partnerId' });
  Partner.belongsTo(User, { as: 'owner', foreignKey: 'ownerUserId' });
  Partner.hasMany(PartnerTag, { as: 'tags', foreignKey: 'partnerId' });
  Relationship.belongsTo(Partner, { as: 'source', foreignKey: 'sourcePartnerId' });
  Relationship.belongsTo(Partner, { as: 'target', foreignKey: 'targetPartnerId' });
  AuditEvent.belongsTo(User, { as: 'actor', foreignKey: 'actorUserId' });
}
