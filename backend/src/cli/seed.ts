import { ensureSearchIndex } from '../search/search-index';
import { runCli } from './cli';

/** npm run db:seed — migrates, then loads the town's reference data (idempotent). */
void runCli(async () => {
  await ensureSearchIndex();
  console.log('Données de référence à jour.');
});
