/// <reference lib="webworker" />
/**
 * The import worker's helper for a big picked billing file (blobSecondPart.ts): reads the
 * file's second part, from a line start to its end, while the import worker reads the first,
 * and posts what it read with its share of the batch. The command line does the same on a
 * Node thread (cli/import/billingPartWorker.ts).
 */
import type { BillingPartRead, PartHeader } from '../../../shared/importers/billing/billingSource'
import { readBillingPart } from '../../../shared/importers/billing/readBillingPart'
import { type PartReadOptions, transferablesOfPart } from '../../../shared/importers/billing/secondPartSplit'
import { latin1InScript } from '../../../shared/importers/text/latin1'
import { utf8InScript } from '../../../shared/bytes/utf8Writer'
import { installUtf8Writer } from '../../../shared/hash/murmur3'
import { readBlob } from './sources'

export type BlobPartStart = PartHeader & { file: Blob; name: string; at: number; options: PartReadOptions }

/** First that it listens; then the part read (null: it has a bad row, read again by the import worker), or the error that stopped it. */
export type BlobPartAnswer = { ready: true } | { part: BillingPartRead | null } | { error: string }

/** The port the import worker hands this worker: the two talk over it alone (see withSecondPartInWorker). */
export interface PartPort {
  start(): void
  addEventListener(type: 'message', listener: (event: MessageEvent<BlobPartStart>) => void): void
  postMessage(message: BlobPartAnswer, transfer: Transferable[]): void
}

export function serveBillingPart(port: PartPort): void {
  installUtf8Writer(utf8InScript)
  port.addEventListener('message', ({ data: { file, name, at, header, delimiter, options } }) => {
    const part = { name, chunks: readBlob(file.slice(at)), size: file.size - at, latin1: latin1InScript }
    readBillingPart(part, { header, delimiter }, options).then(
      (read) => port.postMessage({ part: read }, read ? transferablesOfPart(read) : []),
      (error: unknown) => port.postMessage({ error: (error as Error)?.message || String(error) }, []),
    )
  })
  port.start()
  port.postMessage({ ready: true }, [])
}

declare const self: DedicatedWorkerGlobalScope
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.addEventListener('message', ({ data }: MessageEvent<{ port: MessagePort }>) => serveBillingPart(data.port as PartPort), { once: true })
}
