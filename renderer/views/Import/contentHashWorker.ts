/// <reference lib="webworker" />
/**
 * The import worker's helper that hashes a built batch's content (webCryptoContentHash.ts):
 * its buffer is moved here and back, so WebCrypto's copy of it takes this thread's time.
 */
import { serveContentHashes } from './webCryptoContentHash'

declare const self: DedicatedWorkerGlobalScope
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.addEventListener('message', ({ data }: MessageEvent<{ port: MessagePort }>) => serveContentHashes(data.port), { once: true })
}
