/**
 * Column lookup by name, never by position: exports drift between versions and account
 * types, and spreadsheet tools re-case and re-space headers. Names are compared by a loose
 * key (BOM dropped, case folded, spaces, punctuation and underscores removed), which also
 * makes the legacy AWS `lineItem/UsageStartDate` match the CUR 2.0 `line_item_usage_start_date`.
 */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

export class HeaderIndex {
  /** The header as written in the file (trimmed, BOM removed). */
  readonly names: readonly string[]
  private readonly byKey = new Map<string, number>()

  constructor(fields: readonly string[]) {
    this.names = fields.map((field) => field.replace(/^\uFEFF/, '').trim())
    this.names.forEach((name, index) => {
      const key = columnKey(name)
      if (key && !this.byKey.has(key)) this.byKey.set(key, index)
    })
  }

  get size(): number {
    return this.names.length
  }

  /** The index of the first of `names` present, or -1. */
  find(...names: string[]): number {
    for (const name of names) {
      const index = this.byKey.get(columnKey(name))
      if (index !== undefined) return index
    }
    return -1
  }

  has(...names: string[]): boolean {
    return this.find(...names) >= 0
  }

  /** Columns whose name passes `test` (e.g. FOCUS `x_` extensions, legacy CUR `resourceTags/…`). */
  matching(test: (name: string) => boolean): { name: string; index: number }[] {
    return this.names.flatMap((name, index) => (test(name) ? [{ name, index }] : []))
  }

  /** A stable fingerprint of the layout, used to recognise a saved import profile. */
  signature(): string {
    return this.names.map(columnKey).join(',')
  }
}

/** The value at `index` (trimmed already: CsvTokenizer's `trim`), or '' when the column is absent. */
export function cell(fields: readonly string[], index: number): string {
  return index < 0 ? '' : (fields[index] ?? '')
}
