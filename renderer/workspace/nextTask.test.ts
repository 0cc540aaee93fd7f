import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTask } from './nextTask'

describe('nextTask', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resolves after the work already queued as microtasks, in a task of its own', async () => {
    const order: string[] = []
    const waited = nextTask().then(() => order.push('next task'))
    void Promise.resolve().then(() => order.push('microtask'))
    await waited
    expect(order).toEqual(['microtask', 'next task'])
  })

  it('does not wait on timers (held to 4 ms when chained, to once a second in a hidden window)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'setImmediate'] })
    let resolved = 0
    for (let i = 0; i < 20; i++) await nextTask().then(() => resolved++)
    expect(resolved).toBe(20)
  })
})
