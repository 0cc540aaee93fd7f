import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { JobSource } from '../shared/importers/jobs/jobTypes'
import { readFileChunks } from './fileChunks'

/** How much of a file is read at a time (see fileJobSource). */
export const FILE_CHUNK_BYTES = 64 * 1024

/**
 * A file on disk as the import pipeline reads it. The records name the file, not where it
 * sat: paths are personal and would change the batch hash. 64 KiB reads: the tokenizer's
 * window and each chunk's text then stay small and die young (1 MiB chunks doubled the
 * benchmark's memory and time). Throws the file's error when it cannot be found.
 */
export function fileJobSource(path: string): JobSource {
  const name = basename(path)
  return {
    name,
    relativePath: name,
    size: statSync(path).size,
    chunks: () => readFileChunks(path, FILE_CHUNK_BYTES),
    latin1: latin1OfBuffer,
  }
}

/** Node's byte-per-char reader (text/latin1.ts). */
export function latin1OfBuffer(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}
