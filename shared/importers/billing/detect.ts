import type { ImportProfile } from '../../records/settings'
import type { HeaderIndex } from '../csv/header'
import { profileTarget } from './customMapping'
import type { BillingFormat } from './format'
import { BILLING_FORMATS } from './formats'

export type Detection =
  | { kind: 'format'; format: BillingFormat }
  | { kind: 'profile'; profile: ImportProfile }
  | { kind: 'ambiguous'; candidates: BillingFormat[] }
  | { kind: 'unknown' }

/** Whether `header` has every signature column of `format` and none of its excluded ones. */
function matchesFormat(header: HeaderIndex, format: BillingFormat): boolean {
  return format.signature.every((names) => header.has(...names)) && !(format.excludes ?? []).some((name) => header.has(name))
}

/**
 * Recognises a file from its header alone. The format with the most signature columns wins
 * (a more specific layout beats a looser one); a tie is reported, never guessed. A saved
 * import profile applies only when no built-in format matches and its header signature is
 * exactly this header's (incident profiles are for outcomes/incidentMapping.ts).
 */
export function detectBillingFormat(header: HeaderIndex, profiles: readonly ImportProfile[] = [], formats: readonly BillingFormat[] = BILLING_FORMATS): Detection {
  const matches = formats.filter((format) => matchesFormat(header, format))
  if (matches.length > 0) {
    const best = Math.max(...matches.map((format) => format.signature.length))
    const top = matches.filter((format) => format.signature.length === best)
    return top.length === 1 ? { kind: 'format', format: top[0] } : { kind: 'ambiguous', candidates: top }
  }
  const signature = header.signature()
  const profile = profiles.find((candidate) => candidate.headerSignature === signature && profileTarget(candidate) === 'billing')
  return profile ? { kind: 'profile', profile } : { kind: 'unknown' }
}
