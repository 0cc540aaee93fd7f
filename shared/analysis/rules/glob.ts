const cache = new Map<string, RegExp>()

/** Whether a glob has a wildcard: literal values are more specific than patterns. */
export function isLiteralGlob(glob: string): boolean {
  return !/[*?]/.test(glob)
}

/**
 * Matches a value against a glob ("web-*", "release/?.x"): `*` any run of characters
 * (slashes included, so "feature/*" matches nested branches), `?` one character.
 * Case-insensitive: people type names the way they remember them.
 */
export function matchesGlob(value: string, glob: string): boolean {
  let regex = cache.get(glob)
  if (!regex) {
    const source = glob
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')
    regex = new RegExp(`^${source}$`, 'i')
    cache.set(glob, regex)
  }
  return regex.test(value)
}
