import { runCli } from './cli';

/** npm run db:migrate — applies pending migrations (opening the database does it). */
void runCli(async () => {
  console.log('Schéma à jour.');
}, { seed: false });
