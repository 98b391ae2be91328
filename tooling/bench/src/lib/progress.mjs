/**
 * One status line. On a terminal it is redrawn in place; elsewhere (turbo, CI logs) it prints
 * a line when the step changes and at most every two seconds within a step, so logs stay short.
 */
export function createProgress(stream = process.stderr) {
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  const started = Date.now();
  let lastStep = '';
  let lastPrint = 0;
  let width = 0;
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s`;
  return {
    update(step, detail = '') {
      const line = `[bench ${elapsed()}] ${step}${detail ? ` ${detail}` : ''}`;
      if (tty) {
        const padded = line.padEnd(width);
        width = line.length;
        stream.write(`\r${padded.slice(0, (stream.columns ?? 120) - 1)}`);
        return;
      }
      const now = Date.now();
      if (step !== lastStep || now - lastPrint > 2000) {
        stream.write(`${line}\n`);
        lastStep = step;
        lastPrint = now;
      }
    },
    done() {
      if (tty && width > 0) stream.write(`\r${' '.repeat(width)}\r`);
      width = 0;
    },
    log(message) {
      this.done();
      stream.write(`${message}\n`);
    },
  };
}
