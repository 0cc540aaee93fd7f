/** A comma-separated list of folders from an environment variable (ccusage's form), empty entries dropped. */
export function envList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}
