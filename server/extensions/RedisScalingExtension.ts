import { once } from 'node:events'
import { Redis } from '@hocuspocus/extension-redis'
import { describeRedisTarget, type RedisTarget } from '../redisTarget'

const CONNECT_TIMEOUT_MS = 5000

/**
 * Fans document changes and presence out to the other server processes through Redis
 * (`@hocuspocus/extension-redis`), so a client of one process sees edits made through another.
 *
 * Unlike the stock extension it takes no Redis lock around stores. That lock makes a process
 * whose store collides with another's skip it, and the edits its own clients sent would then
 * wait for their next change to be stored (changes arriving through Redis are never stored by
 * the receiver). SqlitePersistenceExtension's transactions already serialize stores across
 * processes and merge rather than overwrite, so every process can always store.
 */
export class RedisScalingExtension extends Redis {
  extensionName = 'RedisScaling'

  /** Connected and ready: a wrong address should fail at start, not at the first edit. */
  static async connect(target: RedisTarget): Promise<RedisScalingExtension> {
    const { host, port, username, password, db } = target
    const extension = new RedisScalingExtension({
      host,
      port,
      prefix: 'workfolio',
      options: { username, password, db, connectTimeout: CONNECT_TIMEOUT_MS },
    })
    const timeout = AbortSignal.timeout(CONNECT_TIMEOUT_MS)
    try {
      await Promise.all([once(extension.pub, 'ready', { signal: timeout }), once(extension.sub, 'ready', { signal: timeout })])
    } catch {
      await extension.onDestroy()
      throw new Error(`cannot reach Redis at ${describeRedisTarget(target)}`)
    }
    return extension
  }

  override async onStoreDocument(): Promise<void> {}

  override async afterStoreDocument(): Promise<void> {}
}
