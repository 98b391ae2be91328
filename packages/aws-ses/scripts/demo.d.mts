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

export interface DemoResult {
  outboxUrl: string;
  check: CheckReport;
  sends: DemoSend[];
  outboxSize: number;
  /** Stops the mock (already stopped unless `serve` was true). */
  close(): Promise<void>;
}

export declare function runDemo(options?: {
  serve?: boolean;
  json?: boolean;
  log?: (line: string) => void;
}): Promise<DemoResult>;
