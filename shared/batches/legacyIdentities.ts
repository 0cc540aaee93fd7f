import type { BatchMeta } from '../records/batch'
import type { Charge } from '../records/charge'
import { CHARGE_IDENTITY_VERSION } from '../records/chargeIdentity'
import { anthropicConsoleKeyOfCharge } from './anthropicConsoleKey'
import { UniqueIdentities } from './identities'

/** Today's natural key of a stored charge, for each format whose key changed since identity version 1. */
const CURRENT_KEY: Record<string, (charge: Charge) => string> = {
  'anthropic-console-cost': anthropicConsoleKeyOfCharge,
  'anthropic-console-usage': anthropicConsoleKeyOfCharge,
}

/**
 * Gives the charges of a batch stored under an older identity version, in place and in their
 * stored order, the identities importing the same file today would give them, so a row held
 * by an old batch and a new one still counts once.
 */
export function rekeyLegacyCharges(meta: Pick<BatchMeta, 'format' | 'identityVersion'>, charges: Charge[]): void {
  const keyOf = CURRENT_KEY[meta.format]
  if (!keyOf || (meta.identityVersion ?? 1) >= CHARGE_IDENTITY_VERSION) return
  const identities = new UniqueIdentities()
  for (const charge of charges) charge.identity = identities.next(keyOf(charge)).identity
}
