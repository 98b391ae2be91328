import { randomInt } from 'node:crypto';
import type { UsageType } from '@org/connector-core';

/** A fresh six-digit code; distinct six-digit codes never contain one another. */
export function newCode(): string {
  return String(randomInt(100_000, 1_000_000));
}

/** `count` distinct six-digit codes. */
export function distinctCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newCode());
  return [...codes];
}

let sequence = 0;

/** A unique recipient under the reserved example.com domain. */
export function recipient(label: UsageType | string): string {
  sequence += 1;
  return `${label.toLowerCase()}-${sequence}-${randomInt(1_000_000)}@example.com`;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
