import type { Sequelize } from 'sequelize';
import { AuditEvent } from '../audit/audit-event.model';
import { RecoveryCode } from '../auth/recovery-code.model';
import { Session } from '../auth/session.model';
import { Objective } from '../objectives/objective.model';
import { Partner, PartnerTag } from '../partners/partner.model';
import { Relationship } from '../relationships/relationship.model';
import { Setting } from '../settings/setting.model';
import { User } from '../users/user.model';

/** Binds every model to the database and declares the associations between them. */
export function initModels(sequelize: Sequelize) {
  for (const model of [User, Session, AuditEvent, Objective, Partner, PartnerTag, Relationship]) model.initModel(sequelize);
  for (const model of [RecoveryCode, Setting]) model.initModel(sequelize);

  User.belongsTo(Partner, { as: 'partner', foreignKey: 'partnerId' });
  Partner.belongsTo(User, { as: 'owner', foreignKey: 'ownerUserId' });
  Partner.hasMany(PartnerTag, { as: 'tags', foreignKey: 'partnerId' });
  Relationship.belongsTo(Partner, { as: 'source', foreignKey: 'sourcePartnerId' });
  Relationship.belongsTo(Partner, { as: 'target', foreignKey: 'targetPartnerId' });
  AuditEvent.belongsTo(User, { as: 'actor', foreignKey: 'actorUserId' });
}
