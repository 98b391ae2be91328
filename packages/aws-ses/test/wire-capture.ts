import type { SetupServer } from 'msw/node';
import { afterEach, beforeEach } from 'vitest';

export interface WireCapture {
  /** The parsed JSON bodies of every SendEmail request of the current test, attempts included. */
  sendEmailBodies(): Promise<unknown[]>;
  /**
   * The attempt number (`amz-sdk-request: attempt=N`) of every SendEmail request that left the
   * SDK, counted when it starts: unlike the mock's log, it includes requests still in flight.
   */
  sendEmailAttempts(): number[];
}

const sendEmailPath = '/v2/email/outbound-emails';

/** Records SendEmail requests as they left the SDK, before the mock parsed them. */
export function captureWire(server: SetupServer): WireCapture {
  let bodies: Promise<unknown>[] = [];
  let attempts: number[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname !== sendEmailPath) return;
    const attempt = /attempt=(\d+)/.exec(request.headers.get('amz-sdk-request') ?? '')?.[1];
    attempts.push(Number(attempt ?? Number.NaN));
    bodies.push(
      request
        .clone()
        .text()
        .then((text) => JSON.parse(text) as unknown),
    );
  };
  beforeEach(() => {
    bodies = [];
    attempts = [];
    server.events.on('request:start', listener);
  });
  afterEach(() => {
    server.events.removeListener('request:start', listener);
  });
  return { sendEmailBodies: () => Promise.all(bodies), sendEmailAttempts: () => [...attempts] };
}
