import { foldText } from '../backend/src/common/text';
import { Interaction, InteractionContact, InteractionObjective, InteractionPartner } from '../backend/src/interactions/interaction.model';
import { interactionTypes } from '../backend/src/interactions/interactions.schema';
import { Partner } from '../backend/src/partners/partner.model';
import type { InteractionLoad } from './dataset';
import { interactionNotes, interactionSubject } from './vocabulary';

const tenYears = 10 * 365 * 24 * 3600 * 1000;

/** Interactions spread over ten years, each with one partner, most with one of its people, a third with an objective. */
export async function loadInteractions({ rng, count, partnerIds, partnerTowns, contactIds, contactPartner, objectives, towns, inBatches }: InteractionLoad) {
  const partnerPosition = new Map(partnerIds.map((id, position) => [id, position]));
  const now = Date.UTC(2026, 10, 1);
  const lastByPartner = new Map<number, number>();
  await inBatches(
    count,
    () => {
      const subject = interactionSubject(rng, towns);
      const notes = interactionNotes(rng, towns);
      const contactIndex = rng.int(contactIds.length);
      const partnerId = rng.next() < 0.7 ? contactPartner[contactIndex]! : partnerIds[rng.int(partnerIds.length)]!;
      // Most meetings take place in Sceaux or in the partner's town.
      const location = rng.next() < 0.5 ? 'Sceaux' : rng.next() < 0.8 ? partnerTowns[partnerPosition.get(partnerId)!]! : rng.pick(towns);
      const occurredAt = now - Math.floor(rng.next() * tenYears);
      lastByPartner.set(partnerId, Math.max(lastByPartner.get(partnerId) ?? 0, occurredAt));
      return {
        row: {
          type: rng.pick(interactionTypes),
          occurredAt: new Date(occurredAt),
          subject,
          notes,
          location,
          searchText: [subject, location, notes].map(foldText).join(' | '),
          createdByUserId: null,
          deletedAt: null,
        },
        partnerId,
        contactId: rng.next() < 0.8 ? contactIds[contactIndex]! : null,
        objectiveId: rng.next() < 0.33 ? rng.pick(objectives) : null,
      };
    },
    async (rows) => {
      const created = await Interaction.bulkCreate(
        rows.map((row) => row.row),
        { validate: false, hooks: false },
      );
      await InteractionPartner.bulkCreate(
        created.map((interaction, index) => ({ interactionId: interaction.id, partnerId: rows[index]!.partnerId })),
        { validate: false, hooks: false },
      );
      const contacts = created.flatMap((interaction, index) => (rows[index]!.contactId ? [{ interactionId: interaction.id, contactId: rows[index]!.contactId! }] : []));
      if (contacts.length) await InteractionContact.bulkCreate(contacts, { validate: false, hooks: false });
      const objectiveLinks = created.flatMap((interaction, index) =>
        rows[index]!.objectiveId ? [{ interactionId: interaction.id, objectiveId: rows[index]!.objectiveId! }] : [],
      );
      if (objectiveLinks.length) await InteractionObjective.bulkCreate(objectiveLinks, { validate: false, hooks: false });
    },
  );
  // The partner list sorts and filters on the last interaction, as the app keeps it.
  for (const [partnerId, at] of lastByPartner) await Partner.update({ lastInteractionAt: new Date(at) }, { where: { id: partnerId }, hooks: false });
}
