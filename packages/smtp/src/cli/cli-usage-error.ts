/** Bad usage or an unreadable config: exit code 2, and no hint that the SMTP server was ever reached. */
export class CliUsageError extends Error {
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'CliUsageError';
    if (hint !== undefined) this.hint = hint;
  }
}
