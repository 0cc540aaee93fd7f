import { useNativeSha256 } from '../shared/hash/sha256'
import { COMMANDS } from './commands/index'
import { InputError, UsageError, type CliIO } from './commands/types'
import { describeFileError, isFileError } from './fileErrors'
import { nodeSha256 } from './nativeSha256'

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length), 4)
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return [
    'Usage: npm run --silent cli -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run a command with --help for its options.',
  ].join('\n')
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help() + '\n')
    return name ? 0 : 2
  }
  const entry = COMMANDS[name]
  if (!entry) {
    io.stderr(`Unknown command "${name}".\n\n${help()}\n`)
    return 2
  }
  entry.prepare?.(args, io.cwd)
  const command = await entry.load()
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`)
    return 0
  }
  try {
    return await command.run(args, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\nUsage: ${command.usage}\n`)
      return 2
    }
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`)
      return 1
    }
    // A path that went bad while the command ran (removed, unreadable): one line, not a stack trace.
    if (isFileError(error)) {
      io.stderr(`${describeFileError(error, error.path ?? 'a file')}\n`)
      return 1
    }
    throw error
  }
}

/** Runs the command line on this process's arguments and streams, and sets its exit code. */
export function runMain(): void {
  useNativeSha256(nodeSha256)
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  }
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`workfolio: ${(error as Error).stack ?? String(error)}\n`)
      process.exitCode = 1
    },
  )
}

// Run directly (`tsx cli/main.ts`); `npm run cli` goes through scripts/cli.mjs, which calls runMain.
const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)
if (isEntry) runMain()
