import { type AsyncContentHash, installAsyncContentHash } from '../../../shared/batches/batchPayload'
import { hexBytes } from '../../../shared/hash/hexWords'

/**
 * batchContentHash by the browser's WebCrypto, which hashes in native code, on a thread of its
 * own: a million-row payload in a fraction of the time the pure SHA-256 took on the import
 * worker. Its digest takes one buffer: the content, written as one (contentOfColumns).
 */
export const webCryptoContentHash: AsyncContentHash = async (content) => ({ id: await webCryptoDigest(content), content })

async function webCryptoDigest(content: Uint8Array): Promise<string> {
  return hexBytes(new Uint8Array(await crypto.subtle.digest('SHA-256', content as Uint8Array<ArrayBuffer>)))
}

/** A content hash request as it travels to the hash worker and back: the content's buffer, moved. */
export type ContentHashMessage = { request: number; buffer: ArrayBuffer; byteOffset: number; byteLength: number } & ({ id?: string } | { error: string })

/** What the hash worker posts: first that it serves, then its answers. */
type FromHashWorker = { ready: true } | ContentHashMessage

/** The hash worker's side (contentHashWorker.ts), on the port the import worker hands it. */
export function serveContentHashes(port: MessagePort): void {
  port.addEventListener('message', ({ data: { request, buffer, byteOffset, byteLength } }: MessageEvent<ContentHashMessage>) => {
    const back = (answer: { id: string } | { error: string }) => port.postMessage({ request, buffer, byteOffset, byteLength, ...answer } satisfies ContentHashMessage, [buffer])
    webCryptoDigest(new Uint8Array(buffer, byteOffset, byteLength)).then(
      (id) => back({ id }),
      (error: unknown) => back({ error: (error as Error)?.message || String(error) }),
    )
  })
  port.start()
  port.postMessage({ ready: true } satisfies FromHashWorker)
}

/**
 * WebCrypto's hash on a worker of its own (serveContentHashes), to which the content's buffer
 * is moved and which moves it back: WebCrypto copies the content before it hashes it (the
 * whole payload of a million-row export), which then takes that worker's time, not the import
 * worker's, while the import worker sums the batch's summary. Until the worker says it serves,
 * and once it has stopped, a content is hashed on this thread: one given to a worker that never
 * started would wait forever.
 */
export function contentHashOnWorker(port: MessagePort, worker?: Pick<Worker, 'addEventListener'>): AsyncContentHash {
  let requests = 0
  let serving = false
  const waiting = new Map<number, { answered: (answer: ContentHashMessage) => void; failed: (error: Error) => void }>()
  port.addEventListener('message', ({ data }: MessageEvent<FromHashWorker>) => {
    if ('ready' in data) serving = true
    else {
      waiting.get(data.request)?.answered(data)
      waiting.delete(data.request)
    }
  })
  // A worker that stopped has the contents it was given: those imports fail (nothing was stored yet).
  worker?.addEventListener('error', (event) => {
    serving = false
    for (const { failed } of waiting.values()) failed(new Error(`the batch could not be hashed: ${(event as ErrorEvent).message || 'the hash worker stopped'}`))
    waiting.clear()
  })
  port.start()
  return (content) => {
    if (!serving) return webCryptoContentHash(content)
    return new Promise((resolve, reject) => {
      const request = requests++
      const answered = (answer: ContentHashMessage) => {
        if ('error' in answer) reject(new Error(`the batch could not be hashed: ${answer.error}`))
        else resolve({ id: answer.id!, content: new Uint8Array(answer.buffer, answer.byteOffset, answer.byteLength) })
      }
      waiting.set(request, { answered, failed: reject })
      port.postMessage({ request, buffer: content.buffer as ArrayBuffer, byteOffset: content.byteOffset, byteLength: content.byteLength } satisfies ContentHashMessage, [content.buffer as ArrayBuffer])
    })
  }
}

/**
 * The hash worker, held for as long as this worker lives: otherwise nothing refers to its
 * Worker object, which a browser may collect, stopping the worker with it, while it waits idle
 * on its port between batches.
 */
let hashWorker: Worker | undefined

/**
 * Installs WebCrypto's hash where it is offered (a page served over plain HTTP from another
 * machine has none, and keeps the pure SHA-256): on a worker of its own when `startWorker`
 * starts one, else on this thread.
 */
export function installWebCryptoContentHash(startWorker?: () => Worker): void {
  if (!globalThis.crypto?.subtle) return
  try {
    hashWorker = startWorker?.()
  } catch {
    // A platform whose workers cannot start workers (Safari before 15.5): hashed here.
  }
  const worker = hashWorker
  if (!worker) return installAsyncContentHash(webCryptoContentHash)
  const { port1, port2 } = new MessageChannel()
  worker.postMessage({ port: port2 }, [port2])
  installAsyncContentHash(contentHashOnWorker(port1, worker))
}
