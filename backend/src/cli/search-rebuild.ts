import { rebuildSearchIndex } from '../search/search-index';
import { runCli } from './cli';

/** npm run search:rebuild — rebuilds the full-text index from the tables (after a restore, an import...). */
void runCli(async () => {
  const started = Date.now();
  const counts = await rebuildSearchIndex();
  for (const [kind, count] of Object.entries(counts)) console.log(`${kind} : ${count} fiches indexées`);
  console.log(`Index de recherche reconstruit en ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s`);
});
