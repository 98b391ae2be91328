import type { CheckReport, UsageType } from '@org/connector-core';

export declare const exampleConfigUrl: URL;

export declare const demoSends: readonly { type: UsageType; to: string; locale?: string }[];

export interface DemoSend {
  type: UsageType;
  locale: string | null;
  to: string;
  subject: string;
  messageId: string;
  attempts: number;
  ms: number;
}

export declare const feedbackSends: readonly { to: string }[];

export interface DemoFeedback {
  /** The delivery events the feedback endpoint received. */
  events: { type: string; recipient: string; messageId: string }[];
  /** The suppression store afterwards. */
  suppressed: { address: string; reason: string }[];
  /** The next send to each suppressed address, refused before SES. */
  refused: { to: string; code: string | null; message: string | null }[];
}

export interface DemoResult {
  outboxUrl: string;
  check: CheckReport;
  sends: DemoSend[];
  /** Emails in the outbox after the usage-type sends (before the feedback part). */
  outboxSize: number;
  feedback: DemoFeedback;
  /** Stops the mock (already stopped unless `serve` was true). */
  close(): Promise<void>;
}

export declare function runDemo(options?: {
  serve?: boolean;
  json?: boolean;
  log?: (line: string) => void;
}): Promise<DemoResult>;
