#!/usr/bin/env node
// `pnpm demo`: the SES connector end to end against a local mock SES, no AWS account needed.
// Starts @org/mock-ses on a free port, creates the connector from examples/ses.config.json
// (Logto-shaped; its endpoint is replaced by the mock's), runs check(), sends one email per
// required usage type plus a localized one, and prints what happened. Then delivery feedback:
// sends to the SES mailbox simulator's bounce and complaint addresses through a configuration
// set whose SNS event destination posts signed notifications to a local feedback endpoint, and
// shows the events, the suppression that follows and the next send being refused.
import { randomInt } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  SESv2Client,
} from '@aws-sdk/client-sesv2';
import { createAwsSesConnector } from '@org/connector-aws-ses';
import { createSesFeedbackHandler, toNodeListener } from '@org/connector-aws-ses/feedback';
import { createMemorySuppressionStore } from '@org/connector-core';
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

/** The feedback part: the simulator's outcomes, through a configuration set and SNS. */
export const feedbackSends = [
  { to: 'success@simulator.amazonses.com' },
  { to: 'bounce@simulator.amazonses.com' },
  { to: 'complaint@simulator.amazonses.com' },
];

const feedbackTopicArn = 'arn:aws:sns:us-east-1:123456789012:demo-ses-feedback';

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

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port)),
  );
}

/**
 * The AWS setup of the README, against the mock: a configuration set with an SNS event
 * destination, an HTTPS endpoint (here plain http on loopback) subscribed to the topic, and the
 * feedback handler behind it feeding a suppression store that the connector checks before sending.
 */
async function runFeedback({ example, server, say }) {
  const store = createMemorySuppressionStore();
  const events = [];
  const mockOrigin = new URL(server.url).origin;
  const handler = createSesFeedbackHandler({
    topicArns: [feedbackTopicArn],
    suppressionStore: store,
    onEvents: (batch) => {
      events.push(...batch);
    },
    confirmSubscriptions: true,
    // Only because the mock serves its test certificate over http on loopback; never in production.
    unsafeTrustedUrl: (url) => url.origin === mockOrigin,
  });
  const app = createServer(toNodeListener(handler));
  const port = await listen(app);
  const endpoint = `http://127.0.0.1:${port}/ses-feedback`;
  const client = new SESv2Client({
    region: example.region,
    endpoint: server.url,
    credentials: { accessKeyId: example.accessKeyId, secretAccessKey: example.accessKeySecret },
  });
  const connector = createAwsSesConnector(
    { ...example, endpoint: server.url, configurationSetName: 'demo-feedback' },
    { suppression: { store } },
  );
  try {
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'demo-feedback' }));
    await client.send(
      new CreateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: 'demo-feedback',
        EventDestinationName: 'sns',
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE', 'COMPLAINT'],
          SnsDestination: { TopicArn: feedbackTopicArn },
        },
      }),
    );
    const subscription = await server.mock.sns.subscribe(feedbackTopicArn, endpoint, {
      signatureVersion: '2',
    });
    say(`\nDelivery feedback: configuration set demo-feedback → SNS ${feedbackTopicArn}`);
    say(
      `  subscription ${endpoint}: ${subscription.status} (the handler verified and confirmed it)`,
    );

    for (const send of feedbackSends) {
      await connector.sendMessage({
        to: send.to,
        type: 'SignIn',
        payload: { code: String(randomInt(100_000, 1_000_000)) },
      });
    }
    await server.mock.sns.idle();
    const rows = events.map((e) => [
      e.type,
      e.recipient,
      e.type === 'bounced'
        ? `${e.bounceKind}: ${e.diagnostic ?? ''}`
        : e.type === 'complained'
          ? (e.feedbackType ?? '')
          : e.type === 'delivered'
            ? (e.smtpResponse ?? '')
            : '',
      e.messageId,
    ]);
    say(`\nEvents received (signed SNS notifications, verified with SignatureVersion 2):`);
    say(table(['EVENT', 'RECIPIENT', 'DETAIL', 'MESSAGE ID'], rows));

    const { entries } = await store.list();
    say('\nSuppression list (hard bounces and complaints):');
    say(
      table(
        ['ADDRESS', 'REASON', 'SINCE'],
        entries.map((e) => [e.address, e.reason, e.suppressedAt]),
      ),
    );

    const refused = [];
    for (const entry of entries) {
      const error = await connector
        .sendMessage({ to: entry.address, type: 'SignIn', payload: { code: '000000' } })
        .then(
          () => undefined,
          (caught) => caught,
        );
      refused.push({
        to: entry.address,
        code: error?.code ?? null,
        message: error?.message ?? null,
      });
      say(
        `\nNext send to ${entry.address}: ${error ? `refused [${error.code}] ${error.message}` : 'sent (unexpected)'}`,
      );
    }
    return {
      events: events.map((e) => ({ type: e.type, recipient: e.recipient, messageId: e.messageId })),
      suppressed: entries.map((e) => ({ address: e.address, reason: e.reason })),
      refused,
    };
  } finally {
    client.destroy();
    await connector.close();
    await new Promise((resolve) => app.close(resolve));
  }
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
    const feedback = await runFeedback({ example, server, say });
    say(`\nEvents per message are on the outbox page too: ${outboxUrl}`);
    if (json) log(JSON.stringify({ outboxUrl, check, sends, outboxSize, feedback }));
    if (serve) say('\nServing the mock until Ctrl-C: open the outbox page in a browser.');
    else await close();
    return { outboxUrl, check, sends, outboxSize, feedback, close };
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
