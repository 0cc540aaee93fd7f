/** A CLI command: parses its own arguments and returns the process exit code. */
export interface CliCommand {
  name: string
  summary: string
  usage: string
  run(args: string[], io: CliIO): Promise<number>
}

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  env: Record<string, string | undefined>
}

/** Thrown for bad arguments: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

/** Thrown for input the command cannot use (a damaged workspace, an unreadable path): the CLI prints the message as one line and exits 1. */
export class InputError extends Error {}
