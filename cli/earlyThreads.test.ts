import { describe, expect, it } from 'vitest'
import { EarlyThreads } from './earlyThreads'

/** Threads as labels: which were ended, and a start that names each. */
function threads() {
  const ended: string[] = []
  let started = 0
  const early = new EarlyThreads<string>((thread) => ended.push(thread))
  const startOne = () => Promise.resolve(`t${++started}`)
  const settled = () => new Promise((resolve) => setImmediate(resolve))
  return { early, ended, startOne, settled }
}

describe('EarlyThreads', () => {
  it('gives the threads started for a use to that use, once, and ends none of them', async () => {
    const { early, ended, startOne, settled } = threads()
    early.start('logs', 2, startOne)
    expect(await Promise.all(early.take('logs'))).toEqual(['t1', 't2'])
    expect(early.take('logs')).toEqual([])
    await settled()
    expect(ended).toEqual([])
  })

  it('gives at most as many as asked for and ends the rest', async () => {
    const { early, ended, startOne, settled } = threads()
    early.start('logs', 3, startOne)
    expect(await Promise.all(early.take('logs', 1))).toEqual(['t1'])
    await settled()
    expect(ended).toEqual(['t2', 't3'])
    expect(early.take('logs')).toEqual([])
  })

  it('ends the threads started for another use when taken for this one, when started again and when dropped', async () => {
    const { early, ended, startOne, settled } = threads()
    early.start('a.csv', 1, startOne)
    expect(early.take('b.csv')).toEqual([])
    early.start('logs', 1, startOne)
    early.start('logs', 1, startOne)
    early.drop()
    await settled()
    expect(ended).toEqual(['t1', 't2', 't3'])
  })

  it('keeps a thread that failed to start from being an unhandled rejection, and hands the failure to the use that takes it', async () => {
    const { early, settled } = threads()
    early.start('logs', 1, () => Promise.reject(new Error('no thread')))
    await settled()
    await expect(early.take('logs')[0]).rejects.toThrow('no thread')
  })
})
