import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../types.js';
import { createOutbox } from './outbox-store.js';

const message = (id: string, timestamp: string, to: string[]): OutboxMessage => ({
  messageId: id,
  requestId: 'r',
  timestamp,
  region: 'us-east-1',
  operation: 'SendEmail',
  contentKind: 'Simple',
  from: 'a@acme.test',
  fromAddress: 'a@acme.test',
  to,
  cc: [],
  bcc: [],
  replyTo: [],
  subject: 's',
  headers: [],
  tags: {},
  attachments: [],
});

describe('outbox', () => {
  it('finds by recipient (any of To/Cc/Bcc, case-insensitive, display names ignored) and by time', () => {
    const outbox = createOutbox();
    outbox.add(message('1', '2024-01-01T00:00:00.000Z', ['Ann <Ann@Example.com>']));
    outbox.add(message('2', '2024-01-02T00:00:00.000Z', ['bob@example.com']));
    expect(outbox.find({ to: 'ann@example.com' }).map((m) => m.messageId)).toEqual(['1']);
    expect(outbox.find({ since: '2024-01-01T12:00:00Z' }).map((m) => m.messageId)).toEqual(['2']);
    expect(outbox.find({ since: Date.parse('2024-01-01T00:00:00Z') })).toHaveLength(2);
    expect(
      outbox.find({ since: String(Date.parse('2024-01-02T00:00:00Z')) }).map((m) => m.messageId),
    ).toEqual(['2']);
  });

  it('notifies subscribers until they unsubscribe, and clear() empties it', () => {
    const outbox = createOutbox();
    const seen: string[] = [];
    const unsubscribe = outbox.subscribe((m) => seen.push(m.messageId));
    outbox.add(message('1', '2024-01-01T00:00:00.000Z', ['a@x.test']));
    unsubscribe();
    outbox.add(message('2', '2024-01-01T00:00:00.000Z', ['a@x.test']));
    expect(seen).toEqual(['1']);
    outbox.clear();
    expect(outbox.size).toBe(0);
    expect(outbox.get('1')).toBeUndefined();
    expect(outbox.toEml('1')).toBeUndefined();
  });

  it('returns copies: a caller cannot reorder or drop stored messages', () => {
    const outbox = createOutbox();
    outbox.add(message('1', '2024-01-01T00:00:00.000Z', ['a@x.test']));
    outbox.all().pop();
    expect(outbox.size).toBe(1);
  });

  it('remove() drops one message and reports whether it was there', () => {
    const outbox = createOutbox();
    outbox.add(message('1', '2024-01-01T00:00:00.000Z', ['a@x.test']));
    outbox.add(message('2', '2024-01-01T00:00:00.000Z', ['a@x.test']));
    expect(outbox.remove('1')).toBe(true);
    expect(outbox.remove('1')).toBe(false);
    expect(outbox.all().map((m) => m.messageId)).toEqual(['2']);
    expect(outbox.get('1')).toBeUndefined();
  });
});

describe('quota counters', () => {
  const at = (iso: string) => Date.parse(iso);

  it('counts recipients after a time, through removes, clears and a clock that went back', () => {
    const outbox = createOutbox();
    outbox.add(message('1', '2024-01-01T00:00:00.000Z', ['a@x.test', 'b@x.test']));
    outbox.add(message('2', '2024-01-01T00:00:01.000Z', ['a@x.test']));
    outbox.add(message('3', '2024-01-01T00:00:02.000Z', ['a@x.test', 'b@x.test', 'c@x.test']));
    expect(outbox.recipientsSince(at('2023-12-31T00:00:00Z'))).toBe(6);
    expect(outbox.recipientsSince(at('2024-01-01T00:00:00Z'))).toBe(4);
    expect(outbox.recipientsSince(at('2024-01-01T00:00:01.500Z'))).toBe(3);
    expect(outbox.recipientsSince(at('2024-01-01T00:00:02Z'))).toBe(0);
    // An injected clock may go back: the count still follows the timestamps.
    outbox.add(message('4', '2024-01-01T00:00:00.500Z', ['d@x.test']));
    expect(outbox.recipientsSince(at('2024-01-01T00:00:00Z'))).toBe(5);
    expect(outbox.remove('3')).toBe(true);
    expect(outbox.recipientsSince(at('2023-12-31T00:00:00Z'))).toBe(4);
    outbox.clear();
    expect(outbox.recipientsSince(0)).toBe(0);
  });

  it('answers a quota check without reading every stored message', () => {
    const outbox = createOutbox();
    const start = at('2024-01-01T00:00:00Z');
    for (let i = 0; i < 2000; i++) {
      outbox.add(message(String(i), new Date(start + i * 1000).toISOString(), ['a@x.test']));
    }
    // Counting the timestamps parsed stands in for time: a scan parses all 2 000.
    const parse = Date.parse;
    let parsed = 0;
    Date.parse = (value: string) => {
      parsed += 1;
      return parse(value);
    };
    try {
      expect(outbox.recipientsSince(start + 1000 * 1000 - 1)).toBe(1000);
    } finally {
      Date.parse = parse;
    }
    expect(parsed).toBe(0);
  });
});
