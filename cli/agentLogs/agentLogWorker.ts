/**
 * A reader thread of importAgentLogFiles: reads the log files it is sent, one at a time, and
 * posts each back as an AgentLogFile (plain data), or the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readAgentLogFile } from '../../shared/importers/logs/readAgentLogFile'
import type { StepRule } from '../../shared/records/settings'
import { createStepLabeller } from '../../shared/steps/labelStep'
import { fileLogSource } from './fileSource'

const labeller = createStepLabeller((workerData as { stepRules: readonly StepRule[] | null }).stepRules)

parentPort!.on('message', ({ index, path }: { index: number; path: string }) => {
  readAgentLogFile(fileLogSource(path), labeller).then(
    (file) => parentPort!.postMessage({ index, file }),
    (error: unknown) => parentPort!.postMessage({ index, error: (error as Error).stack ?? String(error) }),
  )
})
