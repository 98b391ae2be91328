import type { SendMessageInput } from '@org/connector-core';
import { expect } from 'vitest';
import { expectNothingSent, expectRejection } from '../assertions.js';
import { defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { newCode, recipient } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

const invalidRecipients: readonly { label: string; to: string }[] = [
  { label: 'empty', to: '' },
  { label: 'no @', to: 'not-an-email' },
  { label: 'no domain', to: 'ada@' },
  { label: 'no local part', to: '@example.com' },
  { label: 'two recipients', to: 'ada@example.com, eve@example.com' },
  { label: 'a space in the address', to: 'ada lovelace@example.com' },
  { label: 'an unclosed angle bracket', to: 'Ada <ada@example.com' },
  { label: 'CR/LF header injection', to: 'ada@example.com\r\nBcc: eve@example.com' },
  { label: 'LF header injection', to: 'ada@example.com\nBcc: eve@example.com' },
];

export const badInputCases = defineCases('badInput', [
  {
    name: 'invalid recipients fail with invalid_request_parameters and reach no provider',
    async run({ connector, mock }) {
      const created = await connector();
      for (const { label, to } of invalidRecipients) {
        const error = await expectRejection(
          created.sendMessage({ to, type: 'SignIn', payload: conformancePayload(newCode()) }),
          'invalid_request_parameters',
          `recipient (${label})`,
        );
        expect(error.retryable, `recipient (${label}): retryable`).toBe(false);
      }
      expectNothingSent(mock, 'invalid recipients');
    },
  },
  {
    name: 'a CR or LF in a subject variable fails with invalid_request_parameters',
    async run({ connector, mock }) {
      const created = await connector();
      for (const [label, code] of [
        ['CR/LF', '123456\r\nBcc: eve@example.com'],
        ['LF', '123456\nBcc: eve@example.com'],
        ['CR', '123456\rBcc: eve@example.com'],
      ] as const) {
        await expectRejection(
          created.sendMessage({
            to: recipient('crlf'),
            type: 'Register',
            payload: conformancePayload(code),
          }),
          'invalid_request_parameters',
          `a code with ${label} in the subject`,
        );
      }
      expectNothingSent(mock, 'CR/LF in the subject');
    },
  },
  {
    name: 'a variable the template uses but the payload lacks fails, naming the variable',
    async run({ connector, mock }) {
      const created = await connector();
      const noCode = await expectRejection(
        created.sendMessage({ to: recipient('missing'), type: 'Register', payload: {} }),
        'invalid_request_parameters',
        'Register without a code',
      );
      expect(noCode.message, 'names the missing variable').toContain('code');
      const noOrganization = await expectRejection(
        created.sendMessage({
          to: recipient('missing'),
          type: 'OrganizationInvitation',
          payload: { code: newCode(), link: 'https://app.example.com/i/1' },
        }),
        'invalid_request_parameters',
        'OrganizationInvitation without organization.name',
      );
      expect(noOrganization.message, 'names the missing variable').toContain('organization.name');
      expectNothingSent(mock, 'missing variables');
    },
  },
  {
    name: 'a malformed input (unknown usage type, no payload, not an object) fails cleanly',
    async run({ connector, mock }) {
      const created = await connector();
      const malformed: readonly { label: string; input: unknown }[] = [
        {
          label: 'unknown usage type',
          input: { to: recipient('x'), type: 'Welcome', payload: { code: '123456' } },
        },
        { label: 'no payload', input: { to: recipient('x'), type: 'SignIn' } },
        {
          label: 'a number as recipient',
          input: { to: 42, type: 'SignIn', payload: { code: '123456' } },
        },
        { label: 'null', input: null },
      ];
      for (const { label, input } of malformed) {
        await expectRejection(
          // Deliberately wrong at runtime: callers in JavaScript can pass anything.
          created.sendMessage(input as SendMessageInput),
          'invalid_request_parameters',
          label,
        );
      }
      expectNothingSent(mock, 'malformed input');
    },
  },
]);

/** Bad input never reaches the provider. */
export function badInputConformance(options: ConformanceOptions): void {
  registerGroup('bad input', badInputCases, options);
}
