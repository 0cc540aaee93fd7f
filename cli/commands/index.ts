import type { CliCommand } from './types'

/** Every command, loaded on demand so `--help` stays fast. One line per command. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
}
