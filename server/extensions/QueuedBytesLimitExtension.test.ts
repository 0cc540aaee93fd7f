import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { POLICY_VIOLATION_CLOSE_CODE } from './closeForPolicy'
import { OTHER_WORKSPACE, RW, startServerProcess, temporaryDirectory, waitFor, WORKSPACE, writeTokenFile, type ServerProcess } from '../test/harness'
import { authMessage, flood, openRawSocket, STOPPED_FLOOD, type RawSocket } from '../test/rawSocket'

const MiB = 1024 * 1024

describe('QueuedBytesLimitExtension (server process)', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let server: ServerProcess
  let attacker: RawSocket

  beforeEach(async () => {
    data = temporaryDirectory()
    const flags = ['--max-queued-bytes', String(4 * MiB)]
    server = await startServerProcess(['--port', '0', '--data', data.path, '--tokens', writeTokenFile(data.path), ...flags])
  })

  afterEach(async () => {
    attacker?.socket.terminate()
    server.child.kill('SIGKILL')
    await server.exited
    data.remove()
  })

  it('closes an authenticated socket that floods a document its token was refused for', { timeout: 60_000 }, async () => {
    attacker = (await openRawSocket(server.url)) as RawSocket
    // A valid token opens the socket's own workspace, so the unauthenticated budget no longer applies...
    await attacker.send(authMessage(WORKSPACE, RW))
    await waitFor(() => attacker.received.length > 0, 'the server accepted the token')
    // ...then a document of another workspace: refused, and everything sent for it would be queued.
    await attacker.send(authMessage(OTHER_WORKSPACE, RW))
    await waitFor(() => attacker.received.length > 1, 'the server refused the other workspace')
    const outcome = await flood(attacker, OTHER_WORKSPACE, server.child.pid!)
    expect(outcome.close).toEqual({ code: POLICY_VIOLATION_CLOSE_CODE, reason: 'too many bytes waiting for documents that are not open' })
    expect(outcome.attemptedBytes).toBeLessThan(STOPPED_FLOOD.attemptedBytesBelow)
    expect(outcome.serverGrowthBytes).toBeLessThan(STOPPED_FLOOD.serverGrowthBelow)
  })
})
