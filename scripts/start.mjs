// npm start: builds what is not built yet, then runs the server (which migrates and seeds the database).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await import(pathToFileURL(path.join(root, 'scripts/ensure-built.mjs')).href);
await import(pathToFileURL(path.join(root, 'backend/dist/backend/src/server.js')).href);
