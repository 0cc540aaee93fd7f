// One module of the server's: the command-line bundle builds it apart, with the Yjs its packages share (scripts/cli.mjs).
import { runServer, USAGE } from '../../server/main'
import type { CliCommand } from './types'

/** The team sync server, the same as `npm run server`. */
export const serverCommand: CliCommand = {
  name: 'server',
  summary: 'Run the team sync server (the same as npm run server)',
  usage: USAGE.replace(/^Usage:\s*/i, ''),
  async run(args) {
    await runServer(args)
    // The server keeps the process alive until a signal stops it.
    return new Promise<number>(() => undefined)
  },
}
