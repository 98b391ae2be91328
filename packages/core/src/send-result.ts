// Its own module so that contract.ts and idempotency-store.ts, which both need it, do not
// import each other.

/** What a successful send resolves to. */
export interface SendResult {
  /** The provider's message id. */
  messageId: string;
  /** The connector's provider id, e.g. `aws-ses`. */
  provider: string;
  /** The provider's request id, when it gives one. */
  requestId?: string;
  /** Provider calls made for this send (1 when the first attempt succeeded). */
  attempts: number;
  /**
   * Set by a composite connector (`createFailoverConnector`): which of its connectors took the
   * message, by position in the list and by that connector's own provider and id.
   */
  sentBy?: { index: number; provider: string; connectorId: string };
}
