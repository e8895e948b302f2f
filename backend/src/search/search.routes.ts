import type { Api } from '../http/api';
import { SearchQuery, SearchResult } from './search.schema';
import { searchGate } from './search-gate';
import { search } from './search.service';

export function searchRoutes(api: Api) {
  api.route({
    method: 'get',
    path: '/search',
    summary: 'Find partners, people, interactions, follow-ups... by a few letters (accents and case ignored, prefixes match)',
    description:
      'Answers one group per kind, best match first (names above other text, then the most recent). Any text is a search, operators and quotes included. An association account only finds its own public profile.',
    tags: ['search'],
    access: 'authenticated',
    query: SearchQuery,
    response: SearchResult,
    handler: async ({ user, query, req, res }) => {
      // The toolbar drops its request at every key typed: a search nobody waits for any more is not run.
      const abandoned = new AbortController();
      res.on('close', () => abandoned.abort(new Error('the client closed the request')));
      try {
        return await searchGate.run(abandoned.signal, () => search(user, query));
      } catch (error) {
        if (abandoned.signal.aborted && req.socket.destroyed) return undefined;
        throw error;
      }
    },
  });
}
