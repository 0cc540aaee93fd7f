import { join } from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { importAgentLogs } from '../../shared/importers/logs/importAgentLogs'
import { failOnUnreadable } from '../../node/filesInFolder'
import { findLogFiles } from '../../node/agentLogs/discover'
import { fileLogSource } from '../../node/agentLogs/logFileSource'
import { importAgentLogFiles } from './importAgentLogFiles'

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

afterEach(() => {
  delete process.env.WORKFOLIO_LOG_THREADS
})

it('reads on this thread, with a notice, when a reader thread stopped before it was given its files', async () => {
  process.env.WORKFOLIO_LOG_THREADS = '2'
  const paths = findLogFiles([join(__dirname, '../../test/fixtures/logs/claude')], failOnUnreadable)
  const options = { importedAt: '2026-11-29T00:00:00.000Z', pseudonymSalt: 'salt' }
  const notices: string[] = []
  const result = await importAgentLogFiles(paths, options, { notice: (message) => notices.push(message) })
  expect(notices).toEqual([expect.stringContaining('log reader thread stopped')])
  expect(result).toEqual(await importAgentLogs(paths.map(fileLogSource), options))
})
