/// <reference lib="webworker" />
/**
 * The mining worker: clusters the runs into recipe candidates off the window's thread (mining
 * 100,000 runs takes about a second). One request, one answer; see miningRequest.ts.
 */
import { mineWithRequest, type MiningRequest } from './miningRequest'

self.addEventListener('message', (event: MessageEvent<MiningRequest>) => {
  self.postMessage(mineWithRequest(event.data))
})
