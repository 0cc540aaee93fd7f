import type { Worker } from 'node:worker_threads'
import { expect, it, vi } from 'vitest'
import { fixtureLogsReadOnThreads } from '../../test/support/logReading'

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

it('ends the reader threads that started when another cannot, and reads on this thread with a notice', async () => {
  const { result, oneThread, notices } = await fixtureLogsReadOnThreads(3)
  expect(notices).toEqual([expect.stringContaining('no thread left')])
  expect(result).toEqual(oneThread)
  expect(started.workers).toHaveLength(1)
  // Ended: a thread's id is -1 once it has stopped.
  await vi.waitFor(() => expect(started.workers[0].threadId).toBe(-1))
})
