/**
 * A reader thread of importAgentLogFiles, started (often at the command's start, before the
 * files are found) to wait for its one message: the path list. Every thread has the whole
 * list and takes the next unread file from a counter the threads share, so no file waits for
 * the main thread to hand it out; read files go back in batches (AgentLogFile is plain data,
 * its Claude Code transcript packed), with their index in the list. An unexpected failure
 * posts the error that stopped the thread.
 */
import { parentPort } from 'node:worker_threads'
import { packTranscripts, type PackedTranscripts } from '../../shared/importers/logs/claudeCode/packedTranscripts'
import { readAgentLogFile, type AgentLogFile } from '../../shared/importers/logs/readAgentLogFile'
import type { StepRule } from '../../shared/records/settings'
import { createStepLabeller } from '../../shared/steps/labelStep'
import { ReadBuffer, reusingLogSource } from '../../node/agentLogs/logFileSource'

export interface ReaderThreadData {
  paths: readonly string[]
  /** One Int32 over a SharedArrayBuffer: the index of the next file to read. */
  nextFile: Int32Array
  stepRules: readonly StepRule[] | null
}

/** Read files by their index in the list; their Claude Code transcripts packed apart (`file.claude` is null here), in the same order. */
export type ReaderThreadMessage = { read: { index: number; file: AgentLogFile }[]; transcripts: PackedTranscripts } | { error: string }

/**
 * A batch goes back after this many files or bytes read: one message per file cost more than
 * reading a small one. Bytes bound it tighter than files: the main thread holds the files it
 * read after a batch's first until the batch comes, and all they hold outlives its young
 * generation and is copied and promoted: with batches of a megabyte the main thread promotes
 * half as much as with several megabytes, and the command takes less CPU; small files go
 * several to a message.
 */
const BATCH_FILES = 64
const BATCH_BYTES = 1024 * 1024

async function readFiles({ paths, nextFile, stepRules }: ReaderThreadData): Promise<void> {
  const labeller = createStepLabeller(stepRules)
  const logSource = reusingLogSource(new ReadBuffer())
  let batch: { index: number; file: AgentLogFile }[] = []
  let batchBytes = 0
  for (let index = Atomics.add(nextFile, 0, 1); index < paths.length; index = Atomics.add(nextFile, 0, 1)) {
    const file = await readAgentLogFile(logSource(paths[index]), labeller)
    batch.push({ index, file })
    batchBytes += file.bytes
    if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) {
      postBatch(batch)
      batch = []
      batchBytes = 0
    }
  }
  if (batch.length > 0) postBatch(batch)
}

function postBatch(read: { index: number; file: AgentLogFile }[]): void {
  const transcripts = packTranscripts(read.map(({ file }) => file.claude))
  for (const { file } of read) file.claude = null
  // The packed arrays are handed over, not copied.
  post({ read, transcripts }, [transcripts.numbers.buffer, transcripts.lengths.buffer])
}

function post(message: ReaderThreadMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer)
}

parentPort!.once('message', (data: ReaderThreadData) => {
  readFiles(data).catch((error: unknown) => post({ error: (error as Error).stack ?? String(error) }))
})
