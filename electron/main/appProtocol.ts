import { protocol, net } from 'electron'
import { pathToFileURL } from 'node:url'
import { sitePath } from '../../server/sitePath'
import { APP_HOST, APP_PROTOCOL } from './security'

/** Must run before the app is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer from app://workfolio/, never anything outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_PROTOCOL, (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 })
    const resolved = sitePath(rendererDir, url.pathname)
    if ('refused' in resolved) return new Response(null, { status: resolved.refused })
    return net.fetch(pathToFileURL(resolved.path).toString())
  })
}
