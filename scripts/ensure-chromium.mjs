#!/usr/bin/env node
// Makes sure a headless Chromium is available for the Karma and Playwright runs.
// A no-op when /usr/bin/chromium (or CHROME_BIN) already exists.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const wanted = process.env.CHROME_BIN || CHROMIUM;
if (isExecutable(wanted) || isExecutable(CHROMIUM)) {
  process.exit(0);
}

if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(
    `Chromium is missing (${wanted}). Install it (Debian/Ubuntu: sudo apt-get install -y chromium) ` +
      'or set CHROME_BIN to a Chrome/Chromium executable, then run the tests again.',
  );
  process.exit(1);
}

console.log('Chromium is missing: installing it with apt-get (this happens once)...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation']]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

if (!isExecutable(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
console.log(`Chromium installed at ${CHROMIUM}.`);
