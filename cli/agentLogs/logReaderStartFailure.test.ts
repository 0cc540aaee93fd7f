import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterEach, expect, it, vi } from 'vitest'
import { importAgentLogs } from '../../shared/importers/logs/importAgentLogs'
import { failOnUnreadable } from '../../node/filesInFolder'
import { findLogFiles } from '../../node/agentLogs/discover'
import { fileLogSource } from '../../node/agentLogs/logFileSource'
import { importAgentLogFiles } from './importAgentLogFiles'

// The second reader thread asked for cannot start; the first does.
const started = vi.hoisted(() => ({ workers: [] as Worker[] }))
vi.mock('../workerScript', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workerScript')>()
  return {
    ...original,
    startWorker: (...args: Parameters<typeof original.startWorker>) => {
      if (started.workers.length === 1) throw new Error('no thread left')
      const worker = original.startWorker(...args)
      started.workers.push(worker)
      return worker
    },
  }
})

afterEach(() => {
  delete process.env.WORKFOLIO_LOG_THREADS
})

it('ends the reader threads that started when another cannot, and reads on this thread with a notice', async () => {
  process.env.WORKFOLIO_LOG_THREADS = '3'
  const paths = findLogFiles([join(__dirname, '../../test/fixtures/logs/claude')], failOnUnreadable)
  const options = { importedAt: '2026-11-29T00:00:00.000Z', pseudonymSalt: 'salt' }
  const notices: string[] = []
  const result = await importAgentLogFiles(paths, options, { notice: (message) => notices.push(message) })
  expect(notices).toEqual([expect.stringContaining('no thread left')])
  expect(result).toEqual(await importAgentLogs(paths.map(fileLogSource), options))
  expect(started.workers).toHaveLength(1)
  // Ended: a thread's id is -1 once it has stopped.
  await vi.waitFor(() => expect(started.workers[0].threadId).toBe(-1))
})
