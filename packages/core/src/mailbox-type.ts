// Its own module: mailbox.ts needs it, and contract.ts reaches mailbox.ts through the template
// limits, so neither may import the other for it.

/** A parsed mailbox. `address` is ASCII on the wire: an internationalized domain is punycode. */
export interface Mailbox {
  name?: string;
  address: string;
}
