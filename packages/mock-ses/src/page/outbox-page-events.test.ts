import { existsSync } from 'node:fs';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockSesServer } from '../server/start-mock-ses-server.js';
import { sesClientFor, simpleEmail } from '../server/test-ses-client.js';
import type { MockSesServer } from '../types.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Same rule as outbox-page.test.ts: only a developer machine without Chromium may skip.
const skip = !existsSync(executablePath) && !process.env.CI && !process.env.CHROMIUM_PATH;

describe.skipIf(skip)('outbox page: delivery events per message', () => {
  let browser: Browser;
  let server: MockSesServer;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    server = await startMockSesServer();
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('lists what SES reported for the selected message', async () => {
    const client = sesClientFor(server.url);
    await client.send(
      new SendEmailCommand(simpleEmail('bounce@simulator.amazonses.com', 'Bounces')),
    );
    client.destroy();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      await page.getByTestId('message-item').click();
      const rows = page.locator('[data-testid="events"] tr');
      await rows.nth(1).waitFor();
      expect(
        await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event'))),
      ).toEqual(['Send', 'Bounce']);
      expect(await rows.nth(1).textContent()).toContain('smtp; 550 5.1.1 user unknown');
      expect(await rows.nth(1).textContent()).toContain('not published');
    } finally {
      await page.close();
    }
  });
});
