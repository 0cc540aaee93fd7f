/// <reference lib="webworker" />
/** The analysis worker's entry: it serves the window's questions (analysisServer.ts). */
import { serveAnalysis } from './analysisServer'

declare const self: DedicatedWorkerGlobalScope
serveAnalysis(self)
