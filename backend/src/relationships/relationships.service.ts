import { Op, type Transaction } from 'sequelize';
import { recordAudit } from '../audit/audit.service';
import { problems } from '../http/problem';
import { Partner } from '../partners/partner.model';
import { Relationship } from './relationship.model';
import { symmetricRelationshipTypes, type RelationshipCreateData, type RelationshipType, type RelationshipView } from './relationships.schema';

type Actor = { id: number };
const partnerAttributes = ['id', 'name', 'kind', 'country'];

function toView(relationship: Relationship & { source?: Partner; target?: Partner }): RelationshipView {
  const ref = (partner: Partner) => ({ id: partner.id, name: partner.name, kind: partner.kind, country: partner.country });
  return {
    id: relationship.id,
    type: relationship.type,
    source: ref(relationship.source!),
    target: ref(relationship.target!),
    startedOn: relationship.startedOn,
    endedOn: relationship.endedOn,
    note: relationship.note,
    version: relationship.version,
    createdAt: relationship.createdAt,
  };
}

/** Every link of a partner, both ways, to partners that are not deleted. */
export async function listRelationships(partnerId: number): Promise<RelationshipView[]> {
  const rows = await Relationship.findAll({
    where: { [Op.or]: [{ sourcePartnerId: partnerId }, { targetPartnerId: partnerId }] },
    include: [
      { model: Partner, as: 'source', attributes: partnerAttributes, required: true },
      { model: Partner, as: 'target', attributes: partnerAttributes, required: true },
    ],
    order: [['type', 'ASC'], ['id', 'ASC']],
  });
  return rows.map((row) => toView(row as Relationship & { source: Partner; target: Partner }));
}

/** An existing link with the same meaning: same ends and type, or the reverse of a symmetric one. */
export function sameLinkWhere(type: RelationshipType, sourcePartnerId: number, targetPartnerId: number) {
  const ends = [{ sourcePartnerId, targetPartnerId }];
  if (symmetricRelationshipTypes.includes(type)) ends.push({ sourcePartnerId: targetPartnerId, targetPartnerId: sourcePartnerId });
  return { type, [Op.or]: ends };
}

export async function createRelationship(input: RelationshipCreateData, actor: Actor) {
  if (input.sourcePartnerId === input.targetPartnerId) {
    throw problems.invalid([{ path: 'targetPartnerId', message: 'Un partenaire ne peut pas être lié à lui-même.' }]);
  }
  if (input.startedOn && input.endedOn && input.endedOn < input.startedOn) {
    throw problems.invalid([{ path: 'endedOn', message: 'La date de fin précède la date de début.' }]);
  }
  const id = await Relationship.sequelize!.transaction(async (transaction) => {
    const partners = await Partner.findAll({ where: { id: [input.sourcePartnerId, input.targetPartnerId] }, transaction });
    for (const [path, partnerId] of [['sourcePartnerId', input.sourcePartnerId], ['targetPartnerId', input.targetPartnerId]] as const) {
      if (!partners.some((partner) => partner.id === partnerId)) throw problems.invalid([{ path, message: 'Ce partenaire n’existe pas ou a été supprimé.' }]);
    }
    if (await Relationship.findOne({ where: sameLinkWhere(input.type, input.sourcePartnerId, input.targetPartnerId), transaction })) {
      throw problems.conflict('relationship_exists', 'Ce lien existe déjà entre ces deux partenaires.');
    }
    const relationship = await Relationship.create(
      {
        type: input.type,
        sourcePartnerId: input.sourcePartnerId,
        targetPartnerId: input.targetPartnerId,
        startedOn: input.startedOn ?? null,
        endedOn: input.endedOn ?? null,
        note: input.note ?? null,
      },
      { transaction },
    );
    await auditLink(transaction, 'create', relationship, partners, actor);
    return relationship.id;
  });
  return (await listRelationships(input.sourcePartnerId)).find((relationship) => relationship.id === id)!;
}

export async function deleteRelationship(id: number, actor: Actor) {
  await Relationship.sequelize!.transaction(async (transaction) => {
    const relationship = await Relationship.findByPk(id, { transaction });
    if (!relationship) throw problems.notFound();
    const partners = await Partner.findAll({ where: { id: [relationship.sourcePartnerId, relationship.targetPartnerId] }, paranoid: false, transaction });
    await relationship.destroy({ transaction });
    await auditLink(transaction, 'delete', relationship, partners, actor);
  });
}

/** The link's event, plus one on each partner so that their history tells it too. */
async function auditLink(transaction: Transaction, action: 'create' | 'delete', relationship: Relationship, partners: Partner[], actor: Actor) {
  const name = (id: number) => partners.find((partner) => partner.id === id)?.name ?? `#${id}`;
  const snapshot = {
    type: relationship.type,
    source: { id: relationship.sourcePartnerId, name: name(relationship.sourcePartnerId) },
    target: { id: relationship.targetPartnerId, name: name(relationship.targetPartnerId) },
    startedOn: relationship.startedOn,
    endedOn: relationship.endedOn,
  };
  const [before, after] = action === 'create' ? [null, { relationship: snapshot }] : [{ relationship: snapshot }, null];
  await recordAudit(transaction, { actorUserId: actor.id, action, entityType: 'relationship', entityId: relationship.id, before, after });
  for (const partnerId of [relationship.sourcePartnerId, relationship.targetPartnerId]) {
    await recordAudit(transaction, {
      actorUserId: actor.id,
      action: action === 'create' ? 'link' : 'unlink',
      entityType: 'partner',
      entityId: partnerId,
      before,
      after,
    });
  }
}
