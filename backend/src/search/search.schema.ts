import { z } from 'zod';

/** What the search finds; each kind has a source in search-sources.ts. */
export const searchKinds = ['partner', 'contact', 'interaction', 'follow_up'] as const;
export const SearchKind = z.enum(searchKinds).meta({ id: 'SearchKind' });
export type SearchKind = z.infer<typeof SearchKind>;

const kindList = z
  .string()
  .transform((value) => value.split(',').map((kind) => kind.trim()).filter(Boolean))
  .pipe(z.array(SearchKind).min(1, 'au moins un type'));

const isoDate = z.iso.date('date attendue au format AAAA-MM-JJ');

export const SearchQuery = z
  .object({
    q: z.string().trim().min(1, 'tapez au moins un caractère').max(200),
    kinds: kindList.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(5),
    from: isoDate.optional(),
    to: isoDate.optional(),
    partnerKind: z.string().max(20).optional(),
    country: z.string().length(2).toUpperCase().optional(),
    objective: z.coerce.number().int().positive().optional().meta({ description: 'Only records that serve this objective of the plan' }),
  })
  .meta({ id: 'SearchQuery' });
export type SearchQuery = z.infer<typeof SearchQuery>;

/** [start, end) ranges of UTF-16 positions in the text that match the query. */
const Highlights = z.array(z.tuple([z.number().int(), z.number().int()]));

export const SearchHit = z
  .object({
    id: z.number().int(),
    kind: SearchKind,
    title: z.string(),
    titleHighlights: Highlights,
    snippet: z.string(),
    snippetHighlights: Highlights,
    url: z.string(),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z
  .object({
    groups: z.array(z.object({ kind: SearchKind, total: z.number().int(), items: z.array(SearchHit) })),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResult>;
