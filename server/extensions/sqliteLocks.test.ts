import { describe, expect, it } from 'vitest'
import { untilUnlocked } from './sqliteLocks'

/** An error as better-sqlite3 throws it. */
function sqliteError(code: string): Error {
  return Object.assign(new Error(code === 'SQLITE_BUSY' ? 'database is locked' : code), { code })
}

describe('untilUnlocked', () => {
  it('runs the step again while the database is locked, and gives what it gives once it is not', () => {
    let calls = 0
    const result = untilUnlocked(() => {
      calls++
      if (calls < 4) throw sqliteError(calls % 2 ? 'SQLITE_BUSY' : 'SQLITE_LOCKED_SHAREDCACHE')
      return 'set up'
    })
    expect(result).toBe('set up')
    expect(calls).toBe(4)
  })

  it('throws any other error at once', () => {
    let calls = 0
    const corrupt = sqliteError('SQLITE_CORRUPT')
    expect(() =>
      untilUnlocked(() => {
        calls++
        throw corrupt
      }),
    ).toThrow(corrupt)
    expect(calls).toBe(1)
  })

  it('gives up with the lock\'s error once its time is over', () => {
    let calls = 0
    const started = Date.now()
    expect(() =>
      untilUnlocked(() => {
        calls++
        throw sqliteError('SQLITE_BUSY')
      }, 200),
    ).toThrow('database is locked')
    expect(calls).toBeGreaterThan(1)
    expect(Date.now() - started).toBeGreaterThanOrEqual(200)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
