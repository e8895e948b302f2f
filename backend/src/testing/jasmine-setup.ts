import { startTestApp, stopTestApp } from './test-app';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 30_000;

beforeAll(async () => {
  await startTestApp();
}, 120_000);

afterAll(async () => {
  await stopTestApp();
}, 60_000);
