#!/usr/bin/env node
// `pnpm demo`: the SES connector end to end against a local mock SES, no AWS account needed.
// Starts @org/mock-ses on a free port, creates the connector from examples/ses.config.json
// (Logto-shaped; its endpoint is replaced by the mock's), runs check(), sends one email per
// required usage type plus a localized one, and prints what happened.
import { randomInt } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createAwsSesConnector } from '@org/connector-aws-ses';
import { startMockSesServer } from '@org/mock-ses';

export const exampleConfigUrl = new URL('../examples/ses.config.json', import.meta.url);

/** One email per required usage type, plus a localized template. */
export const demoSends = [
  { type: 'Register', to: 'ada@example.com' },
  { type: 'SignIn', to: 'grace@example.com' },
  { type: 'ForgotPassword', to: 'alan@example.com' },
  { type: 'Generic', to: 'katherine@example.com' },
  { type: 'SignIn', to: 'emmy@example.de', locale: 'de' },
];

function senderAddress(emailAddress) {
  const match = /<([^>]+)>\s*$/.exec(emailAddress);
  return (match ? match[1] : emailAddress).trim();
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `  ${cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd()}`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function formatCheck(report) {
  const label = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };
  const rows = report.checks.map((c) => [label[c.status], c.name, c.detail]);
  const hints = report.checks
    .filter((c) => c.hint)
    .map((c) => `  ${c.name}: ${c.hint}`)
    .join('\n');
  return `${table(['STATUS', 'CHECK', 'DETAIL'], rows)}${hints ? `\n\nHints:\n${hints}` : ''}`;
}

/**
 * Runs the demo. Returns what it printed in structured form, and `close()` to stop the mock
 * (already stopped unless `serve` is true).
 */
export async function runDemo({ serve = false, json = false, log = console.log } = {}) {
  const example = JSON.parse(await readFile(exampleConfigUrl, 'utf8'));
  const server = await startMockSesServer({
    port: 0,
    region: example.region,
    identities: [senderAddress(example.emailAddress)],
  });
  const connector = createAwsSesConnector({ ...example, endpoint: server.url });
  const outboxUrl = `${server.url}/`;
  const close = async () => {
    await connector.close();
    await server.close();
  };
  const say = json ? () => {} : log;

  try {
    say(`Mock SES listening on ${server.url} (region ${example.region})`);
    say(
      `Connector: ${connector.metadata.name} from examples/ses.config.json, sender ${example.emailAddress}\n`,
    );

    const check = await connector.check();
    say(`check(): ${check.ok ? 'OK' : 'FAILED'}`);
    say(`${formatCheck(check)}\n`);

    const sends = [];
    for (const send of demoSends) {
      const payload = {
        code: String(randomInt(100_000, 1_000_000)),
        ...(send.locale ? { locale: send.locale } : {}),
      };
      const started = performance.now();
      const result = await connector.sendMessage({ to: send.to, type: send.type, payload });
      const ms = Math.round(performance.now() - started);
      const delivered = server.mock.outbox.get(result.messageId);
      sends.push({
        type: send.type,
        locale: send.locale ?? null,
        to: send.to,
        subject: delivered?.subject ?? '(not in the outbox)',
        messageId: result.messageId,
        attempts: result.attempts,
        ms,
      });
    }
    say(`Sent ${sends.length} emails:`);
    say(
      table(
        ['TYPE', 'RECIPIENT', 'SUBJECT', 'MESSAGE ID', 'MS'],
        sends.map((s) => [
          s.locale ? `${s.type} (${s.locale})` : s.type,
          s.to,
          s.subject,
          s.messageId,
          s.ms,
        ]),
      ),
    );
    say(`\nOutbox page: ${outboxUrl}`);

    const outboxSize = server.mock.outbox.size;
    if (json) log(JSON.stringify({ outboxUrl, check, sends, outboxSize }));
    if (serve) say('\nServing the mock until Ctrl-C: open the outbox page in a browser.');
    else await close();
    return { outboxUrl, check, sends, outboxSize, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function isMain() {
  if (!process.argv[1]) return false;
  const invoked = await realpath(process.argv[1]).catch(() => process.argv[1]);
  return import.meta.url === pathToFileURL(invoked).href;
}

if (await isMain()) {
  // The demo pins Node 20; the SDK's notice about future Node versions is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: { serve: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  try {
    const demo = await runDemo({ serve: values.serve === true, json: values.json === true });
    if (values.serve) {
      const stop = async () => {
        await demo.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? ` [${error.code}]` : '';
    console.error(`Demo failed${code}: ${error?.message ?? error}`);
    if (error?.hint) console.error(`  hint: ${error.hint}`);
    process.exitCode = 1;
  }
}
