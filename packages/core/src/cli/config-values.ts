/** True when the config has the field and it is not an empty string (a blank form field). */
export function hasConfigValue(config: Readonly<Record<string, unknown>>, key: string): boolean {
  const value = config[key];
  return value !== undefined && value !== '';
}

/** The value unless it is missing or only white space: an exported but empty variable is unset. */
export function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
