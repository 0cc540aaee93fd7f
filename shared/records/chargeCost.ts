import type { Charge } from './charge'

/**
 * Whether a row carries money: a tokens-only row (Anthropic usage, Cursor requests) has no
 * cost, not a cost of 0. Apart from charge.ts so that the command line starts without zod.
 */
export function carriesCost(charge: Pick<Charge, 'costKind'>): boolean {
  return charge.costKind !== 'none'
}
