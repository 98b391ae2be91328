export interface Mailbox {
  name?: string;
  address: string;
}

const ADDRESS =
  /^[^\s@<>(),;:"[\]\\]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;
const NAME_ADDR = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^<>]*)>\s*$/;

/** `addr`, `<addr>`, `Name <addr>` and `"Quoted, Name" <addr>`, as SES accepts them. */
export function parseMailbox(input: string): Mailbox | undefined {
  const m = NAME_ADDR.exec(input);
  if (m) {
    const name = (m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? '').trim();
    const address = (m[3] ?? '').trim();
    if (!ADDRESS.test(address)) return undefined;
    return name ? { name, address } : { address };
  }
  const address = input.trim();
  return ADDRESS.test(address) ? { address } : undefined;
}

export function addressOf(input: string): string {
  return parseMailbox(input)?.address ?? input.trim();
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

export function isDomainIdentity(identity: string): boolean {
  return !identity.includes('@');
}
