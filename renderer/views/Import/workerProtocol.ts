/**
 * Messages between the Import view and its parsing worker, which runs the import pipeline's
 * jobs (shared/importers/jobs/jobTypes.ts).
 *
 * The view starts a job with `run`, naming its sources. A source that carries a DOM `file`
 * is read by the worker itself; for any other (the desktop app's Bridge streams) the worker
 * asks for bytes with `pull` and the view answers each with one `chunk` (null at the end), so
 * the worker never holds more than one chunk it has not parsed: back-pressure for free. When
 * the worker stops reading a source early (a preview), it says `release` so the view can
 * close the stream. `progress` arrives a few times a second; a job ends with `done` or
 * `failed`. `cancel` abandons a job.
 */
import type { JobProgress, JobSpec } from '../../../shared/importers/jobs/jobTypes'
import type { PostedJobResult } from './packedIdentities'

export interface SourceRef {
  name: string
  relativePath: string
  size: number
  file?: Blob
}

export type WorkerRequest =
  | { type: 'run'; id: number; job: JobSpec; sources: SourceRef[] }
  | { type: 'chunk'; id: number; source: number; chunk: Uint8Array | null; error?: string }
  | { type: 'cancel'; id: number }

export type WorkerResponse =
  /** `restart`: the job reads this source again from the start (a new stream). */
  | { type: 'pull'; id: number; source: number; restart: boolean }
  | { type: 'release'; id: number; source: number }
  | { type: 'progress'; id: number; progress: JobProgress }
  | { type: 'done'; id: number; result: PostedJobResult }
  | { type: 'failed'; id: number; message: string }
