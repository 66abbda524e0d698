/**
 * A test file's app and standard cast (see `createCast`), as live bindings. Call `useCast()` once at
 * the top of the file and import what its tests use:
 *
 *   import { admin, nordOffice, t, useCast } from './support/cast.js';
 *
 *   useCast();
 *
 * The app is built and the cast created in a `beforeAll`, and the app closed in an `afterAll`, so
 * read them in tests, hooks and the helpers they call, never while the file loads. Every test file
 * has modules of its own, so an app and a cast of its own.
 */
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp } from './build-app.js';
import { createCast, type TestClient, type TestUser } from './factories.js';

export let t: TestApp;
export let admin: TestUser;
export let nordOffice: TestUser;
export let osloOffice: TestUser;
export let directorate: TestUser;
export let heroyClient: TestClient;
export let bodoClient: TestClient;
export let osloClient: TestClient;
export let directorateClient: TestClient;

/** Builds the file's app (with `env` on top of the test configuration) and its cast before its tests, and closes the app after them. */
export function useCast(env: Record<string, string> = {}): void {
  beforeAll(async () => {
    t = await buildTestApp(env);
    ({ admin, nordOffice, osloOffice, directorate, heroyClient, bodoClient, osloClient, directorateClient } = await createCast(t));
  });
  afterAll(() => t.close());
}
