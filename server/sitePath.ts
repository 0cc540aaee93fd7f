import { join, normalize, sep } from 'node:path'

/** The file a request names inside a built site's folder, or the HTTP status refusing it. */
export type SitePath = { path: string } | { refused: 400 | 403 }

/**
 * Resolves a URL's pathname (still percent-encoded) to a file inside the site folder `root`,
 * "/" being index.html. A pathname that does not decode or holds a NUL is a 400; one that
 * leads out of the folder is a 403. Used by the browser build's static server and the
 * desktop app's app:// protocol alike.
 */
export function sitePath(root: string, pathname: string): SitePath {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { refused: 400 }
  }
  if (decoded.includes('\0')) return { refused: 400 }
  const folder = normalize(root + sep)
  const path = normalize(join(folder, decoded === '/' ? '/index.html' : decoded))
  return path.startsWith(folder) ? { path } : { refused: 403 }
}
