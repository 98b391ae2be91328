import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoSends, exampleConfigUrl, runDemo } from '../scripts/demo.mjs';
import { awsSesConfigSchema } from '../src/index.js';

// `pnpm demo` itself (build + the script as a user runs it) is tested in bin.test.ts.
describe('the demo', () => {
  it('keeps a Logto-shaped example config that validates', async () => {
    const example = JSON.parse(await readFile(exampleConfigUrl, 'utf8'));
    expect(Object.keys(example).sort()).toEqual(
      ['accessKeyId', 'accessKeySecret', 'emailAddress', 'endpoint', 'region', 'templates'].sort(),
    );
    expect(awsSesConfigSchema.safeParse(example).success).toBe(true);
  });

  it('checks, sends one email per required usage type and a localized one, and prints a table', async () => {
    const lines: string[] = [];
    const demo = await runDemo({ log: (line) => lines.push(line) });
    const output = lines.join('\n');

    expect(demo.check.ok).toBe(true);
    expect(demo.sends.map((s) => [s.type, s.locale])).toEqual([
      ['Register', null],
      ['SignIn', null],
      ['ForgotPassword', null],
      ['Generic', null],
      ['SignIn', 'de'],
    ]);
    expect(demo.outboxSize).toBe(demoSends.length);
    expect(demo.sends.find((s) => s.locale === 'de')?.subject).toBe('Ihr Anmeldecode für Demo App');

    expect(output).toMatch(/check\(\): OK/);
    expect(output).toMatch(/PASS\s+sender identity/);
    expect(output).toMatch(/TYPE\s+RECIPIENT\s+SUBJECT\s+MESSAGE ID\s+MS/);
    for (const send of demo.sends) {
      expect(output).toContain(send.messageId);
      expect(output).toContain(send.subject);
    }
    expect(output).toContain(`Outbox page: ${demo.outboxUrl}`);
    expect(demo.outboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('sends to the simulator, prints the events and the suppression, and the next send is refused', async () => {
    const lines: string[] = [];
    const demo = await runDemo({ log: (line) => lines.push(line) });
    const output = lines.join('\n');
    const kinds = demo.feedback.events.map((e) => `${e.type} ${e.recipient}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'delivered success@simulator.amazonses.com',
        'bounced bounce@simulator.amazonses.com',
        'complained complaint@simulator.amazonses.com',
      ]),
    );
    expect(demo.feedback.suppressed).toEqual([
      { address: 'bounce@simulator.amazonses.com', reason: 'bounce' },
      { address: 'complaint@simulator.amazonses.com', reason: 'complaint' },
    ]);
    expect(demo.feedback.refused.map((r) => r.code)).toEqual([
      'message_rejected',
      'message_rejected',
    ]);
    expect(output).toMatch(/EVENT\s+RECIPIENT\s+DETAIL\s+MESSAGE ID/);
    expect(output).toMatch(
      /bounced\s+bounce@simulator\.amazonses\.com\s+hard: smtp; 550 5\.1\.1 user unknown/,
    );
    expect(output).toMatch(
      /Next send to bounce@simulator\.amazonses\.com: refused \[message_rejected\]/,
    );
  });

  it('keeps the mock serving the outbox page with serve: true until closed', async () => {
    const demo = await runDemo({ serve: true, log: () => {} });
    try {
      const page = await fetch(demo.outboxUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('outbox');
    } finally {
      await demo.close();
    }
    await expect(fetch(demo.outboxUrl)).rejects.toThrow();
  });
});
