import { z } from 'zod';

/** `?limit=&cursor=` of every keyset-paginated list (limit 1..100, 25 by default). */
export const PageQuery = z.object({
  limit: z.coerce
    .number({ error: 'Le nombre de résultats doit être un nombre entier.' })
    .int({ error: 'Le nombre de résultats doit être un nombre entier.' })
    .min(1, { error: 'Au moins 1 résultat par page.' })
    .max(100, { error: 'Au plus 100 résultats par page.' })
    .default(25),
  cursor: z.string().max(500).optional().meta({ description: 'The `nextCursor` of the previous page, as it was given' }),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of a list: `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}

export type Page<T> = { items: T[]; nextCursor: string | null };
