/** Characters that could start HTML, an entity, a code span or link syntax, as numeric references. */
const CHARACTER_REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '[': '&#91;',
  ']': '&#93;',
  '`': '&#96;',
  '\\': '&#92;',
  '@': '&#64;',
}

/**
 * Text people typed (names, notes, reasons) placed in an exported Markdown file: shown as
 * written wherever the file is rendered, never read as HTML or as a link other than http(s).
 *
 * - `& < > [ ] ` \` become character references, so the file holds no literal character that
 *   could open an HTML tag, an entity, a code span, an inline or reference link, an image or an
 *   `<autolink>` (references, unlike backslash escapes, cannot be swallowed by a neighbouring
 *   bare URL);
 * - a `scheme:` other than http(s) gets its colon as `&#58;`, `//` not after http(s): gets its
 *   second slash as `&#47;` and `@` becomes `&#64;`, so renderers that turn bare addresses into
 *   links (GFM, linkify) make neither `javascript:`, `ftp://`, protocol-relative nor `mailto:`
 *   links of them.
 * Bare http(s) addresses stay clickable.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[&<>[\]`\\@]/g, (character) => CHARACTER_REFERENCES[character])
    .replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*):(?=\S)/gi, (match, scheme: string) => (/^https?$/i.test(scheme) ? match : `${scheme}&#58;`))
    .replace(/(?<!https?:)\/\//gi, '/&#47;')
}

/** markdownText for a table cell: pipes escaped and line breaks folded, so the text cannot end the cell or the table. */
export function markdownTableCell(text: string): string {
  return markdownText(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}
