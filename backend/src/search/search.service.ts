import { foldText } from '../common/text';
import { Partner } from '../partners/partner.model';
import type { CurrentUser } from '../users/users.schema';
import { SearchEntry } from './search-entry.model';
import { searchIndex, type RankedEntry } from './search-engine';
import { searchSources } from './search-sources';
import { highlightRanges, queryTokens, snippet } from './search-text';
import { searchKinds, type SearchHit, type SearchKind, type SearchQuery, type SearchResult } from './search.schema';

/** Finds records by a few typed letters; an association user only ever finds its own public profile. */
export async function search(user: CurrentUser, query: SearchQuery): Promise<SearchResult> {
  const tokens = queryTokens(query.q);
  const kinds = query.kinds ?? [...searchKinds];
  if (tokens.length === 0) return { groups: kinds.map((kind) => ({ kind, total: 0, items: [] })) };
  if (user.role === 'association') return searchOwnProfile(user, tokens, kinds);

  const { rows, totals } = await searchIndex(
    SearchEntry.sequelize!,
    tokens,
    {
      kinds,
      from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
      to: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
      partnerKind: query.partnerKind,
      country: query.country,
      objective: query.objective
        ? {
            id: query.objective,
            conditions: Object.fromEntries(kinds.flatMap((kind) => (searchSources[kind].objectiveCondition ? [[kind, searchSources[kind].objectiveCondition!]] : []))),
          }
        : undefined,
    },
    query.limit,
  );
  return {
    groups: kinds.map((kind) => ({
      kind,
      total: totals.get(kind) ?? 0,
      items: rows.filter((row) => row.kind === kind).map((row) => toHit(row, kind, tokens)),
    })),
  };
}

function toHit(row: RankedEntry, kind: SearchKind, tokens: string[]): SearchHit {
  const text = snippet(row.body ?? '', tokens);
  return {
    id: row.recordId,
    kind,
    title: row.title,
    titleHighlights: highlightRanges(row.title, tokens),
    snippet: text.snippet,
    snippetHighlights: text.highlights,
    url: searchSources[kind].url(row.recordId),
  };
}

/** The association's own partner, matched on its public fields only, never through the shared index. */
async function searchOwnProfile(user: CurrentUser, tokens: string[], kinds: SearchKind[]): Promise<SearchResult> {
  const empty = { groups: kinds.map((kind) => ({ kind, total: 0, items: [] as SearchHit[] })) };
  const partner = user.partnerId && kinds.includes('partner') ? await Partner.findByPk(user.partnerId) : null;
  if (!partner) return empty;
  const body = [partner.city, partner.publicActivities, partner.publicNeeds].filter(Boolean).join('\n');
  const words = foldText([partner.name, ...Object.values(partner.localNames ?? {}), body].join(' ')).split(' ');
  if (!tokens.every((token) => words.some((word) => word.startsWith(token)))) return empty;
  const text = snippet(body, tokens);
  const hit: SearchHit = {
    id: partner.id,
    kind: 'partner',
    title: partner.name,
    titleHighlights: highlightRanges(partner.name, tokens),
    snippet: text.snippet,
    snippetHighlights: text.highlights,
    url: searchSources.partner.url(partner.id),
  };
  return { groups: kinds.map((kind) => ({ kind, total: kind === 'partner' ? 1 : 0, items: kind === 'partner' ? [hit] : [] })) };
}
