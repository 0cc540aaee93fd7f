/**
 * Worker threads a command starts before its code has loaded, for the one use it names (a big
 * billing file's second part, the agent-log readers): a thread takes a while to start, and
 * started at the command's start it is ready when the work is. The use takes them (`take`);
 * when nothing does (the file was no billing export, the logs were too few to share), they
 * are ended (`end`) when threads are started for another use or, never taken, left to the end
 * of the command: each is unreferenced by whoever starts it, so none keeps the process alive.
 */
export class EarlyThreads<T> {
  private early: { use: string; threads: Promise<T>[] } | null = null

  constructor(private readonly end: (thread: T) => void) {}

  /** Starts `count` threads for `use`, ending any started earlier. */
  start(use: string, count: number, startOne: () => Promise<T>): void {
    this.drop()
    const threads = Array.from({ length: count }, () => {
      const thread = startOne()
      // A thread that failed to start is told when taken; never taken, it is no error.
      thread.catch(() => undefined)
      return thread
    })
    this.early = { use, threads }
  }

  /**
   * Up to `most` of the threads started for `use` (none when none were); the rest, and any
   * started for another use, are ended.
   */
  take(use: string, most = Infinity): Promise<T>[] {
    if (this.early?.use !== use) {
      this.drop()
      return []
    }
    const { threads } = this.early
    this.early = { use, threads: threads.splice(most) }
    this.drop()
    return threads
  }

  /** Ends the threads started and not taken (a process that runs several commands, as the tests, would keep them idle). */
  drop(): void {
    for (const thread of this.early?.threads ?? []) thread.then(this.end, () => undefined)
    this.early = null
  }
}
