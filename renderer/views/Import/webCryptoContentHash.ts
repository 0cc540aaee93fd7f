import { type AsyncContentHash, installAsyncContentHash } from '../../../shared/batches/batchPayload'
import { hexBytes } from '../../../shared/hash/hexWords'

/**
 * batchContentHash by the browser's WebCrypto, which hashes in native code, on a thread of its
 * own: a million-row payload in about a tenth of a second where the pure SHA-256 took 0.8 s of
 * the import worker. Its digest takes one buffer: the content, written as one (contentOfColumns).
 */
export const webCryptoContentHash: AsyncContentHash = async (content) => hexBytes(new Uint8Array(await crypto.subtle.digest('SHA-256', content as Uint8Array<ArrayBuffer>)))

/** Installs it where WebCrypto is offered: a page served over plain HTTP from another machine has none, and keeps the pure SHA-256. */
export function installWebCryptoContentHash(): void {
  if (globalThis.crypto?.subtle) installAsyncContentHash(webCryptoContentHash)
}
