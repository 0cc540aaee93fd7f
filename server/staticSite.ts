import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

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

/** Serves the browser build of the renderer (out/web): files only from that folder. */
export function createStaticSite(rootDir: string): Server {
  const root = normalize(rootDir + sep)
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const relativePath = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const path = normalize(join(root, relativePath))
    if (!path.startsWith(root)) {
      response.writeHead(403).end('forbidden')
      return
    }
    try {
      const info = await stat(path)
      if (!info.isFile()) throw new Error('not a file')
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(path)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      })
      createReadStream(path).pipe(response)
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
    }
  })
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
