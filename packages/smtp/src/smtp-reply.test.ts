import { describe, expect, it } from 'vitest';
import { parseSmtpReply, queueIdOf, replyCodeOf } from './smtp-reply.js';

describe('parseSmtpReply', () => {
  it('splits the code, the enhanced status code and the text', () => {
    expect(parseSmtpReply('550 5.7.1 Sender address rejected')).toEqual({
      code: 550,
      enhanced: '5.7.1',
      text: 'Sender address rejected',
    });
  });

  it('joins the lines of a multiline reply', () => {
    expect(
      parseSmtpReply(
        '421-4.7.28 Our system has detected an unusual rate\r\n421 4.7.28 of unsolicited mail.',
      ),
    ).toEqual({
      code: 421,
      enhanced: '4.7.28',
      text: 'Our system has detected an unusual rate of unsolicited mail.',
    });
  });

  it('reads a reply without an enhanced status code', () => {
    expect(parseSmtpReply('454 Throttling failure: Maximum sending rate exceeded.')).toEqual({
      code: 454,
      text: 'Throttling failure: Maximum sending rate exceeded.',
    });
    expect(replyCodeOf({ code: 454, text: '' })).toBe('454');
    expect(replyCodeOf({ code: 550, enhanced: '5.1.1', text: '' })).toBe('550 5.1.1');
  });

  it('returns undefined for text that is not a reply', () => {
    expect(parseSmtpReply(undefined)).toBeUndefined();
    expect(parseSmtpReply('Connection closed unexpectedly')).toBeUndefined();
  });
});

describe('queueIdOf', () => {
  it.each([
    ['250 2.0.0 Ok: queued as 4ZxY1k2LmQz3', '4ZxY1k2LmQz3'],
    ['250 OK id=1tQx2A-000Abc-3d', '1tQx2A-000Abc-3d'],
    [
      '250 Ok 0100018b5c3c0a4f-1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718-000000',
      '0100018b5c3c0a4f-1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718-000000',
    ],
  ])('reads the queue id of %s', (reply, id) => {
    expect(queueIdOf(reply)).toBe(id);
  });

  it('returns undefined when the reply names no id', () => {
    expect(queueIdOf('250 2.0.0 Message accepted')).toBeUndefined();
    expect(queueIdOf(undefined)).toBeUndefined();
  });
});

describe('parseSmtpReply on a huge reply', () => {
  it('reads at most 2048 characters, so the mapping patterns stay linear (regression)', () => {
    // 300 KB of a phrase the throttle pattern retries from every occurrence: ~20 s before.
    const raw = `451 ${Array.from({ length: 20_000 }, () => 'try again later').join(' ')}`;
    const reply = parseSmtpReply(raw);
    expect(reply?.code).toBe(451);
    expect(reply!.text.length).toBeLessThan(2048);
  });
});
