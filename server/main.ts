/**
 * Standalone team sync server:
 *   npm run server -- --port 1234 --data ./data --tokens tokens.json [--host 0.0.0.0] [--redis redis://127.0.0.1:6379]
 */
import { parseCommandLine, USAGE, UsageError } from './commandLine'
import { startSyncServer, type SyncServerOptions } from './syncServer'

export { USAGE }

/** Runs the server until SIGINT or SIGTERM; `npm run server` and `cli server` both come here. */
export async function runServer(argv: string[]): Promise<void> {
  let options: SyncServerOptions
  try {
    options = parseCommandLine(argv, process.env)
  } catch (error) {
    const message = (error as Error).message
    if (error instanceof UsageError && !message) {
      console.log(USAGE)
      process.exit(0)
    }
    if (error instanceof UsageError) {
      console.error(`workfolio-server: ${message}\n\n${USAGE}`)
      process.exit(2)
    }
    console.error(`workfolio-server: ${message}`)
    process.exit(1)
  }
  const server = await startSyncServer(options).catch((error: Error) => {
    console.error(`workfolio-server: ${error.message}`)
    process.exit(1)
  })
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`Workfolio server stopping (${signal}): storing open documents`)
    await server.close()
    process.exit(0)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal))

  // Announced last: whoever waits for this line may signal the process right away.
  const everywhere = options.host === '0.0.0.0' || options.host === '::'
  console.log(`Workfolio server listening on ${server.url}${everywhere ? ' (all interfaces)' : ''}`)
}

if (process.argv[1] && /server[\\/]main\.ts$/.test(process.argv[1])) void runServer(process.argv.slice(2))
