import { describe, expect, it } from 'vitest'
import { AuthenticationBackoff } from './authenticationBackoff'

/** A backoff whose sleeps are recorded and return at once, on a clock the test moves. */
function recordingBackoff() {
  const slept: number[] = []
  let now = 0
  const backoff = new AuthenticationBackoff(
    { baseDelayMs: 100, maxDelayMs: 1000, forgetAfterMs: 60_000 },
    async (ms) => void slept.push(ms),
    () => now,
  )
  const refuse = () => {
    throw new Error('unknown token')
  }
  return { backoff, slept, refuse, advance: (ms: number) => (now += ms) }
}

describe('AuthenticationBackoff', () => {
  it('doubles the wait with each failure from an address, up to the maximum', async () => {
    const { backoff, slept, refuse } = recordingBackoff()
    for (let i = 0; i < 7; i++) await expect(backoff.attempt('10.0.0.9', () => false, refuse)).rejects.toThrow('unknown token')
    expect(slept).toEqual([0, 100, 200, 400, 800, 1000, 1000])
    expect(backoff.delayFor('10.0.0.10')).toBe(0)
  })

  it('runs parallel attempts from one address one after another, each with its delay', async () => {
    const { backoff, slept, refuse } = recordingBackoff()
    const order: number[] = []
    const attempts = [0, 1, 2, 3].map((n) =>
      backoff.attempt('10.0.0.9', () => false, () => {
        order.push(n)
        refuse()
      }),
    )
    await Promise.allSettled(attempts)
    expect(order).toEqual([0, 1, 2, 3])
    expect(slept).toEqual([0, 100, 200, 400])
  })

  it('keeps failures after a success, and forgets them once the address has been quiet long enough', async () => {
    const { backoff, refuse, advance } = recordingBackoff()
    await expect(backoff.attempt('10.0.0.9', () => false, refuse)).rejects.toThrow()
    await expect(backoff.attempt('10.0.0.9', () => false, refuse)).rejects.toThrow()
    expect(await backoff.attempt('10.0.0.9', () => false, () => 'granted')).toBe('granted')
    expect(backoff.delayFor('10.0.0.9')).toBe(200)
    advance(60_001)
    expect(backoff.delayFor('10.0.0.9')).toBe(0)
  })

  it('drops an attempt whose connection closed while it waited, without counting a failure', async () => {
    const { backoff, slept, refuse } = recordingBackoff()
    await expect(backoff.attempt('10.0.0.9', () => false, refuse)).rejects.toThrow()
    await expect(backoff.attempt('10.0.0.9', () => true, () => 'never judged')).rejects.toThrow(/closed before its token was checked/)
    expect(slept).toEqual([0])
    expect(backoff.delayFor('10.0.0.9')).toBe(100)
  })
})
