/** Where the Redis shared by all server processes lives, from a `redis://[user:password@]host:port[/db]` URL. */
export interface RedisTarget {
  host: string
  port: number
  username?: string
  password?: string
  db?: number
}

export function parseRedisUrl(text: string): RedisTarget {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`not a Redis URL: expected redis://host:port, got "${text}"`)
  }
  if (url.protocol !== 'redis:') throw new Error(`not a Redis URL: expected redis://host:port, got "${url.protocol}//…"`)
  const db = url.pathname.replace(/^\//, '')
  if (db && !/^\d+$/.test(db)) throw new Error(`Redis database must be a number, got "${db}"`)
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
  }
}

/** For messages: the URL without credentials. */
export function describeRedisTarget({ host, port, db }: RedisTarget): string {
  return `redis://${host.includes(':') ? `[${host}]` : host}:${port}${db !== undefined ? `/${db}` : ''}`
}
