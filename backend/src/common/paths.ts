import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project's root folder (where angular.json sits), from the sources or from the compiled files. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'angular.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
