import { contactSearchSource } from '../contacts/contact.search';
import { followUpSearchSource } from '../follow-ups/follow-up.search';
import { interactionSearchSource } from '../interactions/interaction.search';
import { partnerSearchSource } from '../partners/partner.search';
import type { SearchSource } from './search-index';
import type { SearchKind } from './search.schema';

/** The source of each searchable kind; a feature that becomes searchable adds its own here. */
export const searchSources: Record<SearchKind, SearchSource> = {
  partner: partnerSearchSource,
  contact: contactSearchSource,
  interaction: interactionSearchSource,
  follow_up: followUpSearchSource,
};
