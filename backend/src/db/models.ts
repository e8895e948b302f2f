import type { Sequelize } from 'sequelize';
import { AuditEvent } from '../audit/audit-event.model';
import { RecoveryCode } from '../auth/recovery-code.model';
import { Session } from '../auth/session.model';
import { Affiliation, Contact, ContactEmail, ContactLanguage } from '../contacts/contact.model';
import { CalendarFeed, DigestDelivery, FollowUp } from '../follow-ups/follow-up.model';
import { Interaction, InteractionContact, InteractionObjective, InteractionParticipant, InteractionPartner } from '../interactions/interaction.model';
import { Job } from '../jobs/job.model';
import { Objective } from '../objectives/objective.model';
import { Partner, PartnerObjective, PartnerTag } from '../partners/partner.model';
import { Project, ProjectContact, ProjectMilestone, ProjectObjective, ProjectPartner } from '../projects/project.model';
import { Invitation, ProfileUpdate } from '../portal/portal.model';
import { SearchEntry } from '../search/search-entry.model';
import { Relationship } from '../relationships/relationship.model';
import { Setting } from '../settings/setting.model';
import { User } from '../users/user.model';
import { Visit, VisitObjective, VisitPartner } from '../visits/visit.model';

/** Binds every model to the database and declares the associations between them. */
export function initModels(sequelize: Sequelize) {
  for (const model of [
    User,
    Session,
    AuditEvent,
    Objective,
    Partner,
    PartnerTag,
    PartnerObjective,
    Relationship,
    Contact,
    ContactEmail,
    ContactLanguage,
    Affiliation,
    Job,
    SearchEntry,
    RecoveryCode,
    Setting,
    Interaction,
    InteractionPartner,
    InteractionContact,
    InteractionParticipant,
    InteractionObjective,
    FollowUp,
    DigestDelivery,
    CalendarFeed,
    Project,
    ProjectPartner,
    ProjectContact,
    ProjectObjective,
    ProjectMilestone,
    Visit,
    VisitPartner,
    VisitObjective,
    Invitation,
    ProfileUpdate,
  ])
    model.initModel(sequelize);

  User.belongsTo(Partner, { as: 'partner', foreignKey: 'partnerId' });
  Session.belongsTo(User, { as: 'user', foreignKey: 'userId', constraints: false });
  Partner.belongsTo(User, { as: 'owner', foreignKey: 'ownerUserId' });
  Partner.hasMany(PartnerTag, { as: 'tags', foreignKey: 'partnerId' });
  Relationship.belongsTo(Partner, { as: 'source', foreignKey: 'sourcePartnerId' });
  Relationship.belongsTo(Partner, { as: 'target', foreignKey: 'targetPartnerId' });
  AuditEvent.belongsTo(User, { as: 'actor', foreignKey: 'actorUserId' });
  Partner.hasMany(PartnerObjective, { as: 'objectiveLinks', foreignKey: 'partnerId' });
  PartnerObjective.belongsTo(Objective, { as: 'objective', foreignKey: 'objectiveId' });
  Contact.hasMany(Affiliation, { as: 'affiliations', foreignKey: 'contactId' });
  Affiliation.belongsTo(Partner, { as: 'partner', foreignKey: 'partnerId' });
  Affiliation.belongsTo(Contact, { as: 'contact', foreignKey: 'contactId' });
  Interaction.belongsTo(User, { as: 'createdBy', foreignKey: 'createdByUserId' });
  FollowUp.belongsTo(User, { as: 'assignee', foreignKey: 'assigneeUserId' });
  FollowUp.belongsTo(Interaction, { as: 'interaction', foreignKey: 'interactionId' });
  FollowUp.belongsTo(Partner, { as: 'partner', foreignKey: 'partnerId' });
  FollowUp.belongsTo(Contact, { as: 'contact', foreignKey: 'contactId' });
  ProfileUpdate.belongsTo(Partner, { as: 'partner', foreignKey: 'partnerId' });
}
