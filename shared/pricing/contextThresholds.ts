import type { TokenCounts } from '../records/common'
import { isLongContextRequest } from './computeCost'

/**
 * The long-context thresholds (input tokens) the price sources use today. A stored run keeps,
 * per request group, the largest of these its requests passed, so a later price table prices
 * it at the right tier without the original requests.
 */
export const KNOWN_CONTEXT_THRESHOLDS: readonly number[] = [128_000, 200_000, 272_000, 512_000]

/**
 * The largest threshold a request's input side passed, among the known ones and the tier of
 * the model in the table it is imported with (which may have its own); 0 when it passed none.
 */
export function contextThresholdPassed(tokens: Pick<TokenCounts, 'input' | 'cacheRead' | 'cacheWrite5m' | 'cacheWrite1h'>, modelThreshold: number | null): number {
  let passed = 0
  for (const threshold of KNOWN_CONTEXT_THRESHOLDS) if (threshold > passed && isLongContextRequest(tokens, threshold)) passed = threshold
  if (modelThreshold !== null && modelThreshold > passed && isLongContextRequest(tokens, modelThreshold)) passed = modelThreshold
  return passed
}
