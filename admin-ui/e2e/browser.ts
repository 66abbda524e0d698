import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type RunningServer, startServer } from './server';

/** Chromium from `CHROMIUM_PATH` or Debian's package, as in municipality-edit.test.ts. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
// CI must run the browser tests; on a developer machine without Chromium they are skipped, loudly.
if (!hasChromium && process.env.CI) throw new Error(`Chromium not found at ${chromiumPath}; CI installs it with apt-get install chromium.`);

export function warnIfNoChromium(what: string) {
  if (!hasChromium) console.warn(`Chromium not found at ${chromiumPath}: ${what} SKIPPED (apt-get install chromium, or set CHROMIUM_PATH).`);
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  /** Runs a step; on failure saves a screenshot to /tmp and prints what the browser and server said. */
  step: (name: string, run: () => Promise<void>) => Promise<void>;
  close: () => Promise<void>;
}

export async function openBrowser(server: RunningServer): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  const step = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      const file = `/tmp/alis-e2e-${name}-${Date.now()}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`Screenshot: ${file}\nURL: ${page.url()}\nBrowser errors:\n${pageErrors.join('\n')}\nServer output:\n${server.output()}`);
      throw error;
    }
  };
  return {
    browser,
    context,
    page,
    pageErrors,
    step,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

export interface BrowserTest {
  server: () => RunningServer;
  session: () => BrowserSession;
}

/**
 * Starts the API and Chromium before a file's tests and stops them after: only what was started,
 * so a start that failed halfway does not hide its error behind a second one.
 */
export function setUpBrowserTest(): BrowserTest {
  const started: { server?: RunningServer; session?: BrowserSession } = {};
  beforeAll(async () => {
    started.server = await startServer();
    started.session = await openBrowser(started.server);
  });
  afterAll(async () => {
    await started.session?.close();
    await started.server?.stop();
  });
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The browser test did not start (see the error from beforeAll).');
    return value;
  };
  return { server: () => running(started.server), session: () => running(started.session) };
}

/** Logs in through the login page. */
export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('button', { name: 'Logg ut' }).waitFor();
}

/** Logs in through the login page as the admin the server was started with. */
export const logInAsAdmin = (page: Page, server: RunningServer) => logIn(page, server.adminEmail, server.adminPassword);

/** The API as another client would use it, outside the browser (for test setup and checks). */
export async function apiClient(server: RunningServer) {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

/** The API for a test's setup: each call must answer `status` (200 unless given), and gives its body. */
export async function setupClient(server: RunningServer) {
  const api = await apiClient(server);
  return async (method: string, path: string, body: unknown, status = 200) => {
    const response = await api(method, path, body);
    expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
    return response.body as { id: string };
  };
}

/**
 * A staff user made by the admin (`POST /users` gives a one-time password), who has then set
 * `password` as their own, as they must before anything else: ready to log in with it.
 */
export async function createStaffUser(
  server: RunningServer,
  user: { email: string; name: string; role: 'admin' | 'office' | 'directorate'; officeCode?: string; password: string },
) {
  const oneTime = `${user.password} (engangs)`;
  const ok = await setupClient(server);
  await ok('POST', '/users', { ...user, password: oneTime }, 201);
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: oneTime }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const changed = await fetch(`${server.baseUrl}/api/v1/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ currentPassword: oneTime, newPassword: user.password }),
  });
  expect(changed.status).toBe(200);
}

/** `2024-03-01` → `01.03.2024`, as the app shows dates. */
export const norwegianDate = (iso: string) => iso.split('-').reverse().join('.');
