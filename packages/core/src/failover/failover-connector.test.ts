import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { requiredTemplates } from '../../test/fixtures.js';
import { ConnectorError, type ConnectorErrorCode } from '../connector-error.js';
import type { ConnectorEvent, EmailConnector, TransportResult } from '../contract.js';
import { defineEmailConnector } from '../define-email-connector.js';
import { templatesSchema } from '../template.js';
import { createFailoverConnector } from './failover-connector.js';
import type { FailoverAttemptEvent, FailoverOptions } from './failover-options.js';

const input = { to: 'jane@example.com', type: 'SignIn', payload: { code: '482913' } } as const;

/** A connector of provider `name` whose transport answers from a script of outcomes. */
function scripted(name: string, script: (ConnectorErrorCode | 'ok')[] = []) {
  const calls: string[] = [];
  let sent = 0;
  const factory = defineEmailConnector({
    metadata: {
      id: `${name}-email`,
      provider: name,
      name: name.toUpperCase(),
      description: `The ${name} test provider`,
      capabilities: {
        check: true,
        tags: true,
        replyTo: true,
        retries: false,
        requestTimeout: false,
      },
      formItems: [],
    },
    configSchema: z.object({ templates: templatesSchema }),
    sender: () => `noreply@${name}.example`,
    createTransport: () => ({
      async send(email): Promise<TransportResult> {
        calls.push(email.to[0]!.address);
        const outcome = script.shift() ?? 'ok';
        if (outcome !== 'ok') {
          throw new ConnectorError(outcome, `${name} says ${outcome}`, {
            hint: `${name} hint`,
            providerCode: `${name}-${outcome}`,
          });
        }
        sent += 1;
        return { messageId: `${name}-${sent}`, requestId: `${name}-request-${sent}` };
      },
      async check() {
        return { ok: true, checks: [{ name: 'account', status: 'pass', detail: `${name} ready` }] };
      },
    }),
  });
  const connector = factory({ templates: requiredTemplates });
  return { connector, calls, script };
}

function failover(members: EmailConnector[], options: FailoverOptions = {}) {
  const attempts: FailoverAttemptEvent[] = [];
  const events: ConnectorEvent[] = [];
  const connector = createFailoverConnector(members, {
    ...options,
    onAttempt: (event) => attempts.push(event),
    onEvent: (event) => events.push(event),
  });
  return { connector, attempts, events };
}

describe('createFailoverConnector', () => {
  it('sends through the first connector and says so in SendResult.sentBy', async () => {
    const alpha = scripted('alpha');
    const beta = scripted('beta');
    const { connector } = failover([alpha.connector, beta.connector]);
    const result = await connector.sendMessage(input);
    expect(result).toEqual({
      messageId: 'alpha-1',
      requestId: 'alpha-request-1',
      provider: 'failover',
      attempts: 1,
      sentBy: { index: 0, provider: 'alpha', connectorId: 'alpha-email' },
    });
    expect(beta.calls).toEqual([]);
  });

  it.each(['provider_unavailable', 'rate_limit_exceeded'] as const)(
    'moves on to the next connector when the first fails with %s',
    async (code) => {
      const alpha = scripted('alpha', [code]);
      const beta = scripted('beta');
      const { connector, attempts, events } = failover([alpha.connector, beta.connector]);
      const result = await connector.sendMessage(input);
      expect(result.sentBy).toEqual({ index: 1, provider: 'beta', connectorId: 'beta-email' });
      expect(result.messageId).toBe('beta-1');
      expect(result.attempts).toBe(2);
      expect(attempts.map((a) => [a.member.provider, a.outcome, a.errorCode, a.next])).toEqual([
        ['alpha', 'error', code, 'failover'],
        ['beta', 'success', undefined, 'done'],
      ]);
      expect(attempts[0]!.recipient).toBe('j***@example.com');
      expect(events.map((e) => e.type)).toEqual(['send:start', 'send:success']);
      expect(JSON.stringify([attempts, events])).not.toContain('482913');
    },
  );

  it.each(['message_rejected', 'authorization_failed', 'usage_limit_exceeded', 'timeout'] as const)(
    'does not fail over on %s by default: the error keeps its code, hint and cause',
    async (code) => {
      const alpha = scripted('alpha', [code]);
      const beta = scripted('beta');
      const { connector } = failover([alpha.connector, beta.connector]);
      const error = (await connector.sendMessage(input).catch((e) => e)) as ConnectorError;
      expect(ConnectorError.isInstance(error)).toBe(true);
      expect(error.code).toBe(code);
      expect(error.provider).toBe('failover');
      expect(error.message).toBe(`alpha: alpha says ${code}`);
      expect(error.hint).toBe('alpha hint');
      expect(error.providerCode).toBe(`alpha-${code}`);
      expect((error.cause as ConnectorError).provider).toBe('alpha');
      expect(beta.calls).toEqual([]);
    },
  );

  it('fails over on the codes given in failoverOn', async () => {
    const alpha = scripted('alpha', ['timeout']);
    const beta = scripted('beta');
    const { connector } = failover([alpha.connector, beta.connector], {
      failoverOn: ['timeout', 'provider_unavailable'],
    });
    expect((await connector.sendMessage(input)).sentBy?.provider).toBe('beta');
  });

  it('never sends bad input anywhere', async () => {
    const alpha = scripted('alpha');
    const beta = scripted('beta');
    const { connector } = failover([alpha.connector, beta.connector]);
    const error = (await connector
      .sendMessage({ ...input, to: 'not an address' })
      .catch((e) => e)) as ConnectorError;
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.attempts).toBeUndefined();
    expect([...alpha.calls, ...beta.calls]).toEqual([]);
  });

  it('when every connector fails, names each and counts every provider call', async () => {
    const alpha = scripted('alpha', ['rate_limit_exceeded']);
    const beta = scripted('beta', ['provider_unavailable']);
    const { connector, events } = failover([alpha.connector, beta.connector]);
    const error = (await connector.sendMessage(input).catch((e) => e)) as ConnectorError;
    expect(error.code).toBe('provider_unavailable');
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(2);
    expect(error.message).toBe(
      'Every connector tried failed: alpha (rate_limit_exceeded), then beta: beta says provider_unavailable',
    );
    expect(events.at(-1)).toMatchObject({
      type: 'send:error',
      errorCode: 'provider_unavailable',
      attempts: 2,
    });
  });

  it('round-robin starts each send at the next connector', async () => {
    const alpha = scripted('alpha');
    const beta = scripted('beta');
    const { connector } = failover([alpha.connector, beta.connector], { strategy: 'round-robin' });
    const senders = [];
    for (let i = 0; i < 4; i += 1) senders.push((await connector.sendMessage(input)).sentBy?.index);
    expect(senders).toEqual([0, 1, 0, 1]);
  });

  it('carries the idempotency key to each connector and replays the first result itself', async () => {
    const alpha = scripted('alpha', ['provider_unavailable']);
    const beta = scripted('beta');
    const alphaSend = vi.spyOn(alpha.connector, 'sendMessage');
    const betaSend = vi.spyOn(beta.connector, 'sendMessage');
    const { connector } = failover([alpha.connector, beta.connector]);
    const first = await connector.sendMessage(input, { idempotencyKey: 'order-7/code' });
    const again = await connector.sendMessage(input, { idempotencyKey: 'order-7/code' });
    expect(again).toEqual(first);
    expect(first.sentBy?.provider).toBe('beta');
    expect(alphaSend.mock.calls[0]?.[1]).toEqual({ idempotencyKey: 'order-7/code' });
    expect(betaSend.mock.calls[0]?.[1]).toEqual({ idempotencyKey: 'order-7/code' });
    expect(beta.calls).toHaveLength(1);
    const reused = await connector
      .sendMessage({ ...input, payload: { code: '000111' } }, { idempotencyKey: 'order-7/code' })
      .catch((e) => e);
    expect((reused as ConnectorError).code).toBe('invalid_request_parameters');
  });

  it('stops at an abort instead of failing over', async () => {
    const controller = new AbortController();
    const slow = scripted('slow');
    const beta = scripted('beta');
    vi.spyOn(slow.connector, 'sendMessage').mockImplementation(async () => {
      controller.abort();
      throw new ConnectorError('aborted', 'aborted', { provider: 'slow' });
    });
    const { connector } = failover([slow.connector, beta.connector]);
    const error = (await connector
      .sendMessage(input, { signal: controller.signal })
      .catch((e) => e)) as ConnectorError;
    expect(error.code).toBe('aborted');
    expect(beta.calls).toEqual([]);
  });

  it('merges the connectors’ checks, and close() closes every connector', async () => {
    const alpha = scripted('alpha');
    const beta = scripted('beta');
    const { connector } = failover([alpha.connector, beta.connector]);
    expect(await connector.check!()).toEqual({
      ok: true,
      checks: [
        { name: '1. alpha: account', status: 'pass', detail: 'alpha ready' },
        { name: '2. beta: account', status: 'pass', detail: 'beta ready' },
      ],
    });
    await connector.close();
    expect([connector.closed, alpha.connector.closed, beta.connector.closed]).toEqual([
      true,
      true,
      true,
    ]);
    await expect(connector.sendMessage(input)).rejects.toThrow(/closed/);
  });

  it('refuses an empty list, a repeated connector and options that cannot fail over', () => {
    const alpha = scripted('alpha');
    expect(() => createFailoverConnector([])).toThrow(/at least one connector/);
    expect(() => createFailoverConnector([alpha.connector, alpha.connector])).toThrow(/once/);
    expect(() =>
      createFailoverConnector([alpha.connector], { failoverOn: ['invalid_request_parameters'] }),
    ).toThrow(/cannot fail over/);
    expect(() =>
      createFailoverConnector([alpha.connector], { strategy: 'random' as 'priority' }),
    ).toThrow(/strategy/);
  });

  it('declares the capabilities every connector shares', () => {
    const alpha = scripted('alpha');
    const { connector } = failover([alpha.connector]);
    expect(connector.metadata).toMatchObject({
      id: 'failover-email',
      provider: 'failover',
      name: 'Failover (ALPHA)',
      capabilities: {
        check: true,
        tags: true,
        replyTo: true,
        retries: false,
        requestTimeout: false,
      },
    });
  });
});
