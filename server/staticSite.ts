import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname } from 'node:path'
import { sitePath } from './sitePath'

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

/** Longer request targets get 414; the build's own paths are a few dozen characters. */
export const MAX_URL_LENGTH = 2048

/**
 * Serves the browser build of the renderer (out/web): files only from that folder. Every
 * request gets an answer (400 for a path that does not decode, 403 outside the folder, 404,
 * 405, 414) and nothing a client sends can throw out of the handler and end the process.
 */
export function createStaticSite(root: string): Server {
  const server = createServer((request, response) => {
    serveFile(root, request, response).catch(() => {
      if (!response.headersSent) plain(response, 500, 'internal error')
      else response.destroy()
    })
  })
  // A request Node cannot even parse (bad header, oversized head): answer it, drop the socket.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    else socket.destroy()
  })
  return server
}

async function serveFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    plain(response, 405, 'method not allowed', { Allow: 'GET, HEAD' })
    return
  }
  const target = request.url ?? '/'
  if (target.length > MAX_URL_LENGTH) {
    plain(response, 414, 'URI too long')
    return
  }
  const pathname = pathnameOf(target)
  const resolved = pathname === null ? ({ refused: 400 } as const) : sitePath(root, pathname)
  if ('refused' in resolved) {
    plain(response, resolved.refused, resolved.refused === 403 ? 'forbidden' : 'bad request')
    return
  }
  const { path } = resolved
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) {
    plain(response, 404, 'not found')
    return
  }
  response.writeHead(200, {
    'Content-Type': MIME_TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  // The file can vanish between stat and read (a rebuild); the client then sees a cut response.
  createReadStream(path)
    .once('error', () => response.destroy())
    .pipe(response)
}

/** The pathname of a request target, or null when it is no URL at all. */
function pathnameOf(target: string): string | null {
  try {
    return new URL(target, 'http://localhost').pathname
  } catch {
    return null
  }
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers }).end(text)
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}
