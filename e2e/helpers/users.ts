import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * Creates an account in the e2e server's database with the project's own `user:create` command
 * (there is no account administration screen yet). The database is the one playwright.config.ts
 * gives the server; SQLite in WAL mode lets both write.
 */
export function createAccount(account: { email: string; password: string; role: 'admin' | 'officer' | 'cabinet'; name: string }) {
  const dataDir = process.env['E2E_DATA_DIR'];
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set (see e2e/playwright.config.ts)');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'backend/dist/backend/src/cli/user-create.js'),
      '--email',
      account.email,
      '--role',
      account.role,
      '--name',
      account.name,
      '--password',
      account.password,
    ],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `sqlite:${path.join(dataDir, 'e2e.sqlite')}`, LOG_LEVEL: 'warn' },
      stdio: 'pipe',
    },
  );
  return account;
}
