export interface BackoffPolicy {
  /** Wait before judging a token from an address after its first recent failure; doubles per failure. */
  baseDelayMs: number
  maxDelayMs: number
  /** An address's failures are forgotten this long after its last one. */
  forgetAfterMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 100, maxDelayMs: 4000, forgetAfterMs: 15 * 60_000 }

interface Failures {
  count: number
  last: number
}

/**
 * Slows down guessing: token checks from one address run one at a time, and each waits
 * `base * 2^(failures - 1)` ms (up to `max`) after that address's recent failures, so parallel
 * attempts gain nothing. A success does not wipe the record: one valid token must not buy an
 * attacker fresh guesses.
 */
export class AuthenticationBackoff {
  private readonly failures = new Map<string, Failures>()
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
    private readonly now: () => number = Date.now,
  ) {}

  /** The wait the next attempt from `address` gets. */
  delayFor(address: string): number {
    const record = this.recentFailures(address)
    if (!record) return 0
    return Math.min(this.policy.baseDelayMs * 2 ** (record.count - 1), this.policy.maxDelayMs)
  }

  /**
   * Runs `judge` in `address`'s turn, after its delay; a throw counts as a failure. `abandoned`
   * is checked when the turn comes: an attempt whose socket is gone is dropped without waiting.
   */
  attempt<T>(address: string, abandoned: () => boolean, judge: () => T): Promise<T> {
    const turn = (this.queues.get(address) ?? Promise.resolve()).then(async () => {
      if (abandoned()) throw new Error('connection closed before its token was checked')
      await this.sleep(this.delayFor(address))
      try {
        return judge()
      } catch (error) {
        this.recordFailure(address)
        throw error
      }
    })
    const settled = turn.catch(() => undefined)
    this.queues.set(address, settled)
    void settled.then(() => {
      if (this.queues.get(address) === settled) this.queues.delete(address)
    })
    return turn
  }

  private recordFailure(address: string): void {
    const count = (this.recentFailures(address)?.count ?? 0) + 1
    this.failures.set(address, { count, last: this.now() })
    // Keeps the table from growing with every address that ever failed once.
    for (const [other, record] of this.failures) if (this.now() - record.last > this.policy.forgetAfterMs) this.failures.delete(other)
  }

  private recentFailures(address: string): Failures | undefined {
    const record = this.failures.get(address)
    if (record && this.now() - record.last > this.policy.forgetAfterMs) {
      this.failures.delete(address)
      return undefined
    }
    return record
  }
}
