/**
 * The thread that reads a big billing file's second part (billingSecondPart.ts): started as
 * early as the command can, it waits for the file, the part's start and the header the first
 * part's reader finds, reads from there to the end and posts what it read, with its share of
 * the charge summary (and, for a workspace, of the batch).
 */
import { parentPort } from 'node:worker_threads'
import type { BillingPartRead, PartHeader } from '../../shared/importers/billing/billingSource'
import { readBillingPart } from '../../shared/importers/billing/readBillingPart'
import { type PartReadOptions, transferablesOfPart } from '../../shared/importers/billing/secondPartSplit'
import { readFileChunks } from '../../node/fileChunks'
import { FILE_CHUNK_BYTES, latin1OfBuffer } from '../../node/fileJobSource'
import { ImportedChargeTotalsBuilder, type PendingChargesData } from './importedChargeTotals'

export type PartThreadStart = PartHeader & {
  path: string
  name: string
  /** Where the part starts: a line start. */
  at: number
  /** The file's size in bytes. */
  size: number
  options: PartReadOptions
}

/** The part read (null: it has a bad row), or the error that stopped the thread. */
export type PartThreadMessage = { part: BillingPartRead; charges: PendingChargesData } | { part: null } | { error: string }

parentPort!.once('message', (start: PartThreadStart) => {
  readPart(start).then(
    (message) => {
      const { part } = message
      parentPort!.postMessage(message, part ? transferablesOfPart(part) : [])
    },
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PartThreadMessage),
  )
})

async function readPart({ path, name, at, size, header, delimiter, options }: PartThreadStart): Promise<Exclude<PartThreadMessage, { error: string }>> {
  const charges = new ImportedChargeTotalsBuilder().pending()
  const source = { name, chunks: readFileChunks(path, FILE_CHUNK_BYTES, { from: at }), latin1: latin1OfBuffer, size: size - at }
  const part = await readBillingPart(source, { header, delimiter }, { ...options, onCharge: (charge) => charges.add(charge) })
  return part ? { part, charges: charges.data() } : { part: null }
}
