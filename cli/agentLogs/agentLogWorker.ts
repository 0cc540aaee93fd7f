/**
 * A reader thread of importAgentLogFiles: reads the log files it is sent, one at a time and
 * in the order sent, and posts each back as an AgentLogFile (plain data), or the error that
 * stopped it. The main thread sends the next file before this one is done, so the thread
 * never waits for it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readAgentLogFile } from '../../shared/importers/logs/readAgentLogFile'
import type { StepRule } from '../../shared/records/settings'
import { createStepLabeller } from '../../shared/steps/labelStep'
import { fileLogSource } from '../../node/agentLogs/logFileSource'

const labeller = createStepLabeller((workerData as { stepRules: readonly StepRule[] | null }).stepRules)
const queue: { index: number; path: string }[] = []
let reading = false

async function readQueued(): Promise<void> {
  reading = true
  for (let job = queue.shift(); job; job = queue.shift()) {
    try {
      parentPort!.postMessage({ index: job.index, file: await readAgentLogFile(fileLogSource(job.path), labeller) })
    } catch (error) {
      parentPort!.postMessage({ index: job.index, error: (error as Error).stack ?? String(error) })
    }
  }
  reading = false
}

parentPort!.on('message', (job: { index: number; path: string }) => {
  queue.push(job)
  if (!reading) void readQueued()
})
