import type { SendResult } from '@org/connector-core';
import { expect } from 'vitest';
import { addressOf } from '../assertions.js';
import { defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { distinctCodes } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

const parallelSends = 200;

export const concurrencyCases = defineCases('concurrency', [
  {
    name: `${parallelSends} parallel sends deliver ${parallelSends} emails, each with its own code, none crossed`,
    async run({ connector, mock }) {
      const created = await connector();
      const codes = distinctCodes(parallelSends);
      const recipients = codes.map((_, i) => `parallel-${i}@example.com`);
      const warnings: string[] = [];
      const onWarning = (warning: Error): void => {
        if (warning.name === 'MaxListenersExceededWarning')
          warnings.push(warning.stack ?? warning.message);
      };
      process.on('warning', onWarning);
      let results: SendResult[];
      try {
        results = await Promise.all(
          recipients.map((to, i) =>
            created.sendMessage({ to, type: 'SignIn', payload: conformancePayload(codes[i]!) }),
          ),
        );
        // Warnings are emitted on a later tick.
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        process.off('warning', onWarning);
      }
      // Apps see this "possible memory leak" warning in their logs under load.
      expect(warnings.join('\n'), 'MaxListenersExceededWarning during parallel sends').toBe('');

      const ids = new Set(results.map((result) => result.messageId));
      expect(ids.size, 'distinct message ids').toBe(parallelSends);
      const sent = mock.sent();
      expect(sent, 'delivered emails').toHaveLength(parallelSends);

      const byId = new Map(sent.map((email) => [email.messageId, email]));
      const otherCodes = new Set(codes);
      for (const [i, result] of results.entries()) {
        const to = recipients[i]!;
        const code = codes[i]!;
        const email = byId.get(result.messageId);
        expect(email, `the email of send #${i} (by its message id)`).toBeDefined();
        expect(email!.to.map(addressOf), `send #${i}: recipient`).toEqual([to]);
        expect(email!.text, `send #${i}: its own code in the text`).toContain(code);
        expect(email!.html, `send #${i}: its own code in the HTML`).toContain(code);
        otherCodes.delete(code);
        const crossed = [...otherCodes].some(
          (other) => email!.html!.includes(other) || email!.text.includes(other),
        );
        otherCodes.add(code);
        expect(crossed, `send #${i}: carries another recipient's code`).toBe(false);
      }
      const perRecipient = new Map<string, number>();
      for (const email of sent) {
        for (const to of email.to.map(addressOf)) {
          perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
        }
      }
      expect(
        [...perRecipient.values()].every((n) => n === 1),
        'each recipient got exactly one email',
      ).toBe(true);
      expect(perRecipient.size, 'recipients reached').toBe(parallelSends);
    },
  },
]);

/** Concurrency: parallel sends neither lose nor cross emails. */
export function concurrencyConformance(options: ConformanceOptions): void {
  registerGroup('concurrency', concurrencyCases, options);
}
