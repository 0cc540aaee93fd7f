import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importAgentLogs } from '../../shared/importers/logs/importAgentLogs'
import { failOnUnreadable } from '../../node/filesInFolder'
import { findLogFiles } from '../../node/agentLogs/discover'
import { fileLogSource } from '../../node/agentLogs/logFileSource'
import { importAgentLogFiles, importOnThreads } from './importAgentLogFiles'
import { readingThreads, startLogReadersEarly } from './logReaderThreads'

const FIXTURES = join(__dirname, '../../test/fixtures/logs')
const options = { importedAt: '2026-11-29T00:00:00.000Z', pseudonymSalt: 'salt' }

describe('importAgentLogFiles', () => {
  it('reads small imports on this thread, with the same result', async () => {
    const paths = findLogFiles([join(FIXTURES, 'claude')], failOnUnreadable)
    expect(await importAgentLogFiles(paths, options)).toEqual(await importAgentLogs(paths.map(fileLogSource), options))
  })

  it('gives exactly what a one-thread import gives when files are read on several threads', async () => {
    const paths = findLogFiles([join(FIXTURES, 'claude'), join(FIXTURES, 'codex')], failOnUnreadable)
    expect(paths.length).toBeGreaterThan(4)
    const oneThread = await importAgentLogs(paths.map(fileLogSource), options)
    expect(oneThread.runs.length).toBeGreaterThan(2)
    for (const threads of [1, 2, 3]) {
      // Reversed: the order paths are given in must not matter either.
      const threaded = await importOnThreads([...paths].reverse(), options, threads)
      expect(threaded).toEqual(oneThread)
    }
  })

  it('reports a missing file as an error and imports the rest, on threads too', async () => {
    const paths = [...findLogFiles([join(FIXTURES, 'claude')], failOnUnreadable), join(FIXTURES, 'claude', 'gone.jsonl')]
    const result = await importOnThreads(paths, options, 2)
    expect(result.errors).toEqual([{ path: join(FIXTURES, 'claude', 'gone.jsonl'), line: 0, message: expect.stringContaining('ENOENT') }])
    expect(result.runs.length).toBeGreaterThan(0)
  })

  it('starts reader threads early for a folder only, and reads with them what the threads started later read', async () => {
    const folders = [join(FIXTURES, 'claude'), join(FIXTURES, 'codex')]
    const paths = findLogFiles(folders, failOnUnreadable)
    expect(startLogReadersEarly([paths[0]])).toBe(0)
    expect(startLogReadersEarly([join(FIXTURES, 'gone')])).toBe(0)
    const oneThread = await importAgentLogs(paths.map(fileLogSource), options)
    for (const threads of [2, 3]) {
      const started = startLogReadersEarly([paths[0], folders[0]])
      expect(started).toBe(readingThreads() - 1)
      const threaded = await importOnThreads(paths, options, threads)
      expect(threaded).toEqual(oneThread)
    }
  })
})
