import { randomInt } from 'node:crypto';
import type { UsageType } from '@org/connector-core';

// Every code handed out, so that a case's captured console output can be searched for them.
const issuedCodes: string[] = [];

/** A fresh six-digit code; distinct six-digit codes never contain one another. */
export function newCode(): string {
  const code = String(randomInt(100_000, 1_000_000));
  issuedCodes.push(code);
  return code;
}

/** The codes handed out since `mark` (a value of `codeMark()`). */
export function codesSince(mark: number): string[] {
  return issuedCodes.slice(mark);
}

export function codeMark(): number {
  return issuedCodes.length;
}

/** `count` distinct six-digit codes. */
export function distinctCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newCode());
  return [...codes];
}

let sequence = 0;

function capitalized(label: string): string {
  const word = label.replace(/[^A-Za-z0-9-]/g, '') || 'User';
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A unique recipient under the reserved example.com domain, shaped the way real addresses
 * are and connectors mangle: capitals, a dot and a `+tag` in the local part, (the domain is
 * capitals (`SignIn.Conformance+7-4821@Example.com`). The local part must arrive exactly;
 * only the domain is case-insensitive.
 */
export function recipient(label: UsageType | string): string {
  sequence += 1;
  return `${capitalized(label)}.Conformance+${sequence}-${randomInt(10_000)}@example.com`;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
