/** What SES's mailbox simulator does with a message to one of its addresses. */
export type SimulatorOutcome = 'success' | 'bounce' | 'ooto' | 'complaint' | 'suppressionlist';

const simulatorDomain = 'simulator.amazonses.com';
const outcomes = new Set<string>(['success', 'bounce', 'ooto', 'complaint', 'suppressionlist']);

/**
 * The simulator outcome for an address, or `undefined` for an ordinary one. Labels work as in
 * SES: `bounce+signup@simulator.amazonses.com` bounces.
 */
export function simulatorOutcome(address: string): SimulatorOutcome | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0 || address.slice(at + 1).toLowerCase() !== simulatorDomain) return undefined;
  const local = address.slice(0, at).toLowerCase().split('+')[0] ?? '';
  return outcomes.has(local) ? (local as SimulatorOutcome) : undefined;
}
