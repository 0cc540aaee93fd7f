/**
 * Sync latency benchmark: `npx tsx bench/syncLatency.ts`.
 *
 * Runs the standalone server (server/main.ts) in its own process on loopback, so clients and
 * server do not share an event loop, and measures with real providers in this process:
 *  1. edit propagation between two clients: 1,000 edits, one at a time (A edits, B observes);
 *  2. the same with 20 clients editing at once: 50 edits each at random 20-60 ms intervals,
 *     latency from each edit to each of the 19 other clients;
 *  3. the time for a new client (renderer/sync/connectWorkspace) to load a workspace whose
 *     ledger holds 100,000 runs, both from the server's memory and, after a server restart,
 *     from its SQLite file.
 * Targets: p50 < 20 ms, p99 < 100 ms, load < 2 s. Latencies include client-side work
 * (all clients live in this one process) and are sent-to-observed times on one clock.
 */
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import * as Y from 'yjs'
import { connectWorkspace } from '../renderer/sync/connectWorkspace'
import { Ledger } from '../shared/workspace/ledger'
import { fillLedger } from '../test/support/generatedRuns'
import {
  connectClient,
  NodeWebSocket,
  RW,
  startServerProcess,
  temporaryDirectory,
  waitFor,
  WORKSPACE,
  writeTokenFile,
  type TestClient,
} from '../server/test/harness'

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** User + system CPU seconds a process has used so far (Linux /proc; clock ticks are 100 Hz). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/**
 * Runs a phase and prints the CPU time the server and the clients spent on it: on a shared
 * machine latency also measures the wait for a core, CPU time shows the work itself.
 */
async function withCpu(serverPid: number, label: string, phase: () => Promise<number>): Promise<void> {
  const serverBefore = processCpuSeconds(serverPid)
  const clientsBefore = process.cpuUsage()
  const started = performance.now()
  const edits = await phase()
  const wall = (performance.now() - started) / 1000
  const server = processCpuSeconds(serverPid) - serverBefore
  const clients = process.cpuUsage(clientsBefore)
  const clientSeconds = (clients.user + clients.system) / 1e6
  console.log(
    `  ${label}: ${wall.toFixed(1)} s wall; CPU: server ${server.toFixed(2)} s (${((server / edits) * 1e6).toFixed(0)} us per edit), ` +
      `clients ${clientSeconds.toFixed(2)} s`,
  )
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function summary(label: string, latencies: number[]): { p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b)
  const p50 = percentile(sorted, 50)
  const p99 = percentile(sorted, 99)
  const verdict = p50 < 20 && p99 < 100 ? 'meets' : 'MISSES'
  console.log(
    `${label}: n=${sorted.length}  p50 ${p50.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms  (${verdict} p50 < 20, p99 < 100)`,
  )
  return { p50, p99 }
}

/** Every client records, for each edit it receives from another client, now minus the edit's send time. */
function observeEdits(clients: TestClient[], latencies: number[]): void {
  for (const client of clients) {
    client.doc.getMap<number>('edits').observe((event) => {
      if (event.transaction.local) return
      const now = performance.now()
      for (const key of event.keysChanged) latencies.push(now - client.doc.getMap<number>('edits').get(key)!)
    })
  }
}

async function connectAll(url: string, count: number): Promise<TestClient[]> {
  const clients = Array.from({ length: count }, () => connectClient(url, WORKSPACE, RW))
  await waitFor(() => clients.every((client) => client.provider.isSynced), `${count} clients synced`, 30_000)
  return clients
}

async function twoClients(url: string): Promise<number> {
  const [a, b] = await connectAll(url, 2)
  const latencies: number[] = []
  observeEdits([b], latencies)
  for (let i = 0; i < 1000; i++) {
    a.doc.getMap('edits').set(`two-${i}`, performance.now())
    await waitFor(() => latencies.length === i + 1, `edit ${i} observed`, 5_000)
  }
  summary('2 clients, 1,000 sequential edits', latencies)
  a.destroy()
  b.destroy()
  return 1000
}

async function twentyClients(url: string): Promise<number> {
  const clients = await connectAll(url, 20)
  const latencies: number[] = []
  observeEdits(clients, latencies)
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = 0; i < 50; i++) {
        await sleep(20 + Math.random() * 40)
        client.doc.getMap('edits').set(`twenty-${c}-${i}`, performance.now())
      }
    }),
  )
  await waitFor(() => latencies.length === 1000 * 19, 'every edit seen by the 19 other clients', 30_000)
  summary('20 clients editing at once, 1,000 edits x 19 receivers', latencies)
  clients.forEach((client) => client.destroy())
  return 1000
}

async function loadLargeWorkspace(url: string, restart: () => Promise<string>): Promise<void> {
  const importer = connectClient(url, `${WORKSPACE}/ledger`, RW)
  await waitFor(() => importer.provider.isSynced, 'importer synced')
  let started = performance.now()
  fillLedger(importer.doc, 100_000, 10_000)
  const filled = performance.now() - started
  await waitFor(importer.acknowledged, 'import acknowledged', 120_000)
  console.log(`ledger: 100,000 runs in 10 batches, ${(Y.encodeStateAsUpdate(importer.doc).length / 1e6).toFixed(1)} MB (built in ${(filled / 1000).toFixed(1)} s)`)

  const load = async (label: string, serverUrl = url) => {
    started = performance.now()
    const governanceDoc = new Y.Doc()
    const ledgerDoc = new Y.Doc()
    const connection = connectWorkspace({ url: serverUrl, token: RW, workspaceId: WORKSPACE, governanceDoc, ledgerDoc, WebSocketPolyfill: NodeWebSocket })
    await waitFor(() => connection.status() === 'synced', 'workspace synced', 60_000)
    const synced = performance.now() - started
    const decodeStart = performance.now()
    const runs = new Ledger(ledgerDoc).runs().records.length
    const decoded = performance.now() - decodeStart
    console.log(
      `new client loads the workspace (${label}): synced in ${synced.toFixed(0)} ms (${synced < 2000 ? 'meets' : 'MISSES'} < 2 s); ` +
        `decoding its ${runs.toLocaleString('en')} runs took another ${decoded.toFixed(0)} ms`,
    )
    connection.destroy()
  }
  await load('document in server memory')
  importer.destroy()
  const restarted = await restart()
  await load('server restarted, document read from SQLite', restarted)
}

async function main(): Promise<void> {
  const data = temporaryDirectory()
  const args = ['--port', '0', '--data', data.path, '--tokens', writeTokenFile(data.path)]
  let server = await startServerProcess(args)
  const stop = async () => {
    server.child.kill('SIGTERM')
    await server.exited
  }
  const restart = async () => {
    await stop()
    server = await startServerProcess(args)
    return server.url
  }
  // The machine is shared: the load average says how much CPU the numbers below had.
  console.log(`load average at start: ${loadavg().map((load) => load.toFixed(1)).join(' ')} on this machine`)
  try {
    console.log(`server: ${server.url} (own process)`)
    const pid = server.child.pid!
    await withCpu(pid, '2 clients', () => twoClients(server.url))
    await withCpu(pid, '20 clients', () => twentyClients(server.url))
    await loadLargeWorkspace(server.url, restart)
  } finally {
    await stop()
    data.remove()
    console.log(`load average at end: ${loadavg().map((load) => load.toFixed(1)).join(' ')}`)
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
