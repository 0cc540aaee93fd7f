import { sha256Hex } from '../hash/sha256'

/**
 * A stable pseudonym for a person's name, key owner or login: the same input and team salt
 * always give the same id, so counts of distinct contributors work without names.
 */
export function pseudonymize(name: string, salt: string): string {
  return 'p-' + sha256Hex(`${salt}\u0000${name.trim().toLowerCase()}`).slice(0, 12)
}

/** The actor as stored: the name itself only when the team turned attribution on. */
export function actorId(name: string | null | undefined, options: { attribution: boolean; salt: string }): string | null {
  if (!name) return null
  return options.attribution ? name : pseudonymize(name, options.salt)
}
