// Builds the server and the Angular app when they are missing or older than their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(entries) {
  let newest = 0;
  const visit = (file) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const name of readdirSync(file)) if (name !== 'node_modules') visit(path.join(file, name));
    } else if (!file.endsWith('.spec.ts')) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

function buildIfStale(name, stamp, sources, script) {
  const stampFile = path.join(root, stamp);
  const builtAt = existsSync(stampFile) ? statSync(stampFile).mtimeMs : 0;
  if (builtAt > newestMtime(sources)) return;
  console.log(`Construction de ${name}…`);
  const result = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  if (result.status !== 0) {
    console.error(`La construction de ${name} a échoué.`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, new Date().toISOString());
}

buildIfStale('l’API', 'backend/dist/.built', ['backend/src', 'database', 'backend/tsconfig.json', 'backend/tsconfig.build.json', 'tsconfig.json', 'package-lock.json'], 'build:backend');
buildIfStale('l’interface', 'dist/frontend/.built', ['frontend/src', 'frontend/public', 'frontend/tsconfig.json', 'frontend/tsconfig.app.json', 'angular.json', 'tsconfig.json', 'package-lock.json'], 'build:frontend');
