import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserContext, chromium, Dialog, Page } from 'playwright-core';
import { tmpDir } from './cli';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a hermetic headless run: no sandbox (root in CI), no background traffic of the browser's own. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a message, except in
 * CI (`CI` set), where a missing browser is a failure: CI installs it (.ci/run).
 */
export function browserAvailability(): { run: boolean; reason: string } {
  if (fs.existsSync(CHROMIUM)) return { run: true, reason: '' };
  const reason = `${CHROMIUM} is absent (install it with: apt-get install chromium)`;
  if (process.env.CI) return { run: true, reason };
  process.stderr.write(`skipping browser tests: ${reason}\n`);
  return { run: false, reason };
}

/** A fresh profile each time, so no cache, cookie or extension from another run can leak in. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is absent: CI must install Debian's chromium (see .ci/run)`);
  const profile = tmpDir('vartriage-chromium-');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, offline: true });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface LoadedReport {
  page: Page;
  url: string;
  /** Every request the page made, the page itself included. */
  requests: string[];
  /** Requests other than the page itself; they were aborted. */
  blocked: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

/**
 * Opens a report with every request intercepted: only the file:// page itself may load, anything
 * else is recorded and aborted. Console errors, uncaught errors and dialogs are recorded.
 */
export async function openReport(context: BrowserContext, file: string): Promise<LoadedReport> {
  const url = pathToFileURL(path.resolve(file)).href;
  const page = await context.newPage();
  const loaded: LoadedReport = { page, url, requests: [], blocked: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('request', (r) => loaded.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') loaded.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => loaded.pageErrors.push(e.message));
  page.on('dialog', (d: Dialog) => {
    loaded.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    loaded.blocked.push(u);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return loaded;
}
