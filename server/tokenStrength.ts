/** The least randomness a token may carry: guessing it must stay out of reach at any rate. */
export const MIN_TOKEN_BITS = 128

/** The command the README gives for making a token: 256 random bits, 43 base64url characters. */
export const TOKEN_COMMAND = `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"`

// From the narrowest alphabet a token is written in to the widest, with its size.
const ALPHABETS: [RegExp, number][] = [
  [/^[0-9a-f]+$/i, 16],
  [/^[A-Z2-7]+=*$/, 32],
  [/^[A-Za-z0-9]+$/, 62],
  [/^[A-Za-z0-9_-]+$/, 64],
  [/^[A-Za-z0-9+/]+=*$/, 64],
]
const PRINTABLE_ASCII = 95
/** Fewer distinct characters than this is a pattern, not a random string of 128 bits or more. */
const MIN_DISTINCT_CHARACTERS = 8

/**
 * An upper estimate of a token's randomness: its length times the bits per character of the
 * narrowest common alphabet it is written in (hex, base32, alphanumeric, base64, printable).
 * A token built from a handful of repeated characters counts as 0. It cannot see that a long
 * token is a phrase, so tokens should come from a generator (TOKEN_COMMAND).
 */
export function estimatedTokenBits(token: string): number {
  const characters = token.replace(/=+$/, '')
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS) return 0
  const alphabet = ALPHABETS.find(([pattern]) => pattern.test(token))?.[1] ?? PRINTABLE_ASCII
  return Math.floor(characters.length * Math.log2(alphabet))
}
