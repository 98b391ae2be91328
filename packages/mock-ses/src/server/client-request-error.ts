/** A request the server cannot even hand to a route (bad target, bad Host, too large): a 4xx. */
export class ClientRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ClientRequestError';
  }
}
