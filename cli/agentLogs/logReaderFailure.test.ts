import { expect, it, vi } from 'vitest'
import { fixtureLogsReadOnThreads } from '../../test/support/logReading'

// The reader threads handed to the import stopped before they were given their files, as one started early may.
vi.mock('./logReaderThreads', async (importOriginal) => {
  const original = await importOriginal<typeof import('./logReaderThreads')>()
  return {
    ...original,
    logReaderThreads: async (count: number) => {
      const readers = await original.logReaderThreads(count)
      await Promise.all(readers.map(({ worker }) => worker.terminate()))
      return readers
    },
  }
})

it('reads on this thread, with a notice, when a reader thread stopped before it was given its files', async () => {
  const { result, oneThread, notices } = await fixtureLogsReadOnThreads(2)
  expect(notices).toEqual([expect.stringContaining('log reader thread stopped')])
  expect(result).toEqual(oneThread)
})
