/**
 * Bad usage or an unreadable config: the CLI exits 2, and nothing suggests the provider was
 * ever reached. Throw it from a provider's `configFromEnv` to report a bad environment variable.
 */
export class CliUsageError extends Error {
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'CliUsageError';
    if (hint !== undefined) this.hint = hint;
  }
}
