const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

export interface CapturedOutput {
  /** Everything written since `captureOutput()`, one entry per call. */
  readonly lines: { where: string; text: string }[];
  stop(): void;
}

function textOf(args: readonly unknown[]): string {
  return args
    .map((arg) =>
      typeof arg === 'string'
        ? arg
        : arg instanceof Error
          ? `${arg.stack ?? arg.message}`
          : (() => {
              try {
                return JSON.stringify(arg) ?? String(arg);
              } catch {
                return String(arg);
              }
            })(),
    )
    .join(' ');
}

/**
 * Records what the code under test prints through `console.*`, `process.stdout` and
 * `process.stderr` while a case runs (and still prints it), so the case can prove that no
 * secret or code was logged.
 */
export function captureOutput(): CapturedOutput {
  const lines: { where: string; text: string }[] = [];
  const restore: (() => void)[] = [];
  for (const method of consoleMethods) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      lines.push({ where: `console.${method}`, text: textOf(args) });
      original.apply(console, args);
    };
    restore.push(() => {
      console[method] = original;
    });
  }
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    const original = stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push({
        where: `process.${name}`,
        text: typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(),
      });
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = original;
    });
  }
  let stopped = false;
  return {
    lines,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const undo of restore.reverse()) undo();
    },
  };
}
