/**
 * Counts as people read them: "1 run", "0 charges", "90,000 charges" — digits grouped in the
 * locale's way, the noun singular at exactly 1. The renderer passes no locale (the user's own);
 * the command line and the exported review pass 'en-US', so their text is the same on every machine.
 */

const formats = new Map<string, Intl.NumberFormat>()

/** One cached Intl format per locale (a table can format thousands of counts). */
function countFormat(locale: string | undefined): Intl.NumberFormat {
  const key = locale ?? ''
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale)
    formats.set(key, format)
  }
  return format
}

/** The count alone, digits grouped: "90,000" in en-US, "90.000" in de-DE. */
export function formatCount(count: number, locale?: string): string {
  return countFormat(locale).format(count)
}

/** The noun for a count shown elsewhere (say, in its own element): `one` at exactly 1, else `many`. */
export function noun(count: number, one: string, many = one + 's'): string {
  return count === 1 ? one : many
}

/** "1 file", "3 files", "90,000 charges", "2 people" (with `many` for an irregular plural). */
export function plural(count: number, one: string, many?: string, locale?: string): string {
  return `${formatCount(count, locale)} ${noun(count, one, many)}`
}
