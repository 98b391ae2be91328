import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector-error.js';
import { formatCheckReport, formatConnectorError, formatSendResult } from './format-output.js';

describe('formatCheckReport', () => {
  it('lays the checks out as a table, wrapping long details and hints under their column', () => {
    const text = formatCheckReport(
      {
        ok: false,
        checks: [
          { name: 'account', status: 'pass', detail: 'Sending is enabled.' },
          {
            name: 'sender identity',
            status: 'fail',
            detail: `The identity is not verified. ${'word '.repeat(14).trim()}`,
            hint: `Verify it in the console. ${'more '.repeat(14).trim()}`,
          },
          { name: 'quota', status: 'warn', detail: 'Half used.' },
        ],
      },
      'Acme preflight (sender a@acme.test)',
    );
    const indent = ' '.repeat(2 + 8 + 'sender identity'.length + 2);
    expect(text).toBe(
      [
        'Acme preflight (sender a@acme.test)',
        '',
        '  STATUS  CHECK            DETAIL',
        '  PASS    account          Sending is enabled.',
        '  FAIL    sender identity  The identity is not verified. word word word word word word word word',
        `${indent}word word word word word word`,
        `${indent}→ Verify it in the console. more more more more more more more more more`,
        `${indent}  more more more more more`,
        '  WARN    quota            Half used.',
        '',
        'Result: FAILED (1 failed, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('says OK when nothing failed, counting warnings in the plural', () => {
    const warn = { name: 'q', status: 'warn', detail: 'x' } as const;
    expect(formatCheckReport({ ok: true, checks: [warn, warn] }, 'H')).toMatch(
      /\nResult: OK \(2 warnings\)\n$/,
    );
    expect(formatCheckReport({ ok: true, checks: [] }, 'H')).toMatch(/\nResult: OK\n$/);
  });
});

describe('formatSendResult', () => {
  it('lists the ids, the attempts and the extra rows, without a request id when there is none', () => {
    expect(
      formatSendResult(
        'Sent a SignIn email to ada@example.com',
        { messageId: 'm-1', provider: 'memory', attempts: 2 },
        { code: '******' },
      ),
    ).toBe(
      'Sent a SignIn email to ada@example.com\n  message id m-1\n  attempts   2\n  code       ******\n',
    );
    expect(
      formatSendResult('Sent', { messageId: 'm', provider: 'p', requestId: 'r-9', attempts: 1 }),
    ).toContain('\n  request id r-9\n');
  });
});

describe('formatConnectorError', () => {
  it('prints the code, message, hint and the provider code under its label', () => {
    const error = new ConnectorError('message_rejected', 'The recipient was refused.', {
      hint: 'Verify the recipient.',
      providerCode: '550 5.1.1',
      requestId: 'r-1',
      attempts: 1,
    });
    expect(formatConnectorError(error, 'SMTP')).toBe(
      'Error [message_rejected]: The recipient was refused.\n  hint: Verify the recipient.\n  SMTP 550 5.1.1, request id r-1, 1 attempt, retryable: no\n',
    );
  });

  it('leaves out what the error does not have', () => {
    const error = new ConnectorError('rate_limit_exceeded', 'Slow down.', { attempts: 3 });
    expect(formatConnectorError(error, 'SES error')).toBe(
      'Error [rate_limit_exceeded]: Slow down.\n  3 attempts, retryable: yes\n',
    );
  });
});
