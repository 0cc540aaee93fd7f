/**
 * The pure part of binding a plain <textarea> to a Y.Text: turning a local edit into the
 * smallest delta, and keeping a caret in place while someone else's delta is applied.
 * Indexes are UTF-16 code units, as in both JavaScript strings and Y.Text.
 */

/** One contiguous replacement: at `index`, remove `remove` code units, then insert `insert`. */
export interface TextChange {
  index: number
  remove: number
  insert: string
}

/** A Yjs text delta (Y.YTextEvent.delta), restricted to what a plain text carries. */
export type TextDelta = ReadonlyArray<{ retain?: number; delete?: number; insert?: string | object }>

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * The minimal change from `before` to `after`: the common prefix and common suffix stay, the
 * middle is replaced. The boundaries never split a surrogate pair (an emoji stays one unit of
 * editing). `caret` (the caret after the edit, when known) resolves ambiguous cases such as
 * typing "a" into "aa": the typed text ends at the caret, so the text after the caret is kept
 * as the suffix first and the change lands where the person typed. (Taking the prefix first
 * put a teammate's "R" typed before my "R" after it instead: in a shared note, everything
 * they typed next then went in between my first character and the rest of mine.)
 * Returns null when nothing changed.
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null
  const shorter = Math.min(before.length, after.length)
  const knownCaret = caret !== undefined && caret >= 0 && caret <= after.length
  const commonSuffix = (limit: number) => {
    let suffix = 0
    while (suffix < limit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++
    return suffix
  }
  const commonPrefix = (limit: number) => {
    let prefix = 0
    while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
    return prefix
  }
  let prefix: number
  let suffix: number
  if (knownCaret) {
    suffix = commonSuffix(Math.min(shorter, after.length - caret))
    prefix = commonPrefix(shorter - suffix)
  } else {
    prefix = commonPrefix(shorter)
    suffix = commonSuffix(shorter - prefix)
  }
  // Keep a surrogate pair whole: never end the prefix, or start the suffix, between its halves.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) }
}

/** Applies a change to a plain string (what the Y.Text will hold after the same change). */
export function applyChange(text: string, change: TextChange | null): string {
  if (!change) return text
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove)
}

/**
 * Where a position ends up after a delta made elsewhere. Text inserted before it pushes it
 * right; text inserted exactly at it does not (a teammate typing at my caret does not drag my
 * caret along); a deletion that spans it collapses it to the start of the deletion.
 */
export function mapPosition(position: number, delta: TextDelta): number {
  let cursor = 0 // position in the old text
  let shift = 0
  for (const op of delta) {
    if (cursor > position) break
    if (op.retain !== undefined) {
      cursor += op.retain
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (cursor < position) shift += length
    } else if (op.delete !== undefined) {
      const end = cursor + op.delete
      if (end <= position) shift -= op.delete
      else if (cursor < position) shift -= position - cursor
      cursor = end
    }
  }
  return Math.max(0, position + shift)
}

/** A selection (or a caret, when start equals end) mapped through a delta. */
export function mapSelection(selection: { start: number; end: number }, delta: TextDelta): { start: number; end: number } {
  const start = mapPosition(selection.start, delta)
  const end = Math.max(start, mapPosition(selection.end, delta))
  return { start, end }
}

/** A change as a Yjs-style delta, to map positions through it. */
export function changeDelta(change: TextChange): TextDelta {
  return [{ retain: change.index }, { delete: change.remove }, { insert: change.insert }]
}

/**
 * A local change made to `base`, moved onto a text in which a teammate's change to `base`
 * already happened (a note that arrived before the textarea showed it). Both people's text
 * is kept: the local change lands where the same characters now are.
 */
export function rebaseChange(local: TextChange, remote: TextChange): TextChange {
  const delta = changeDelta(remote)
  const index = mapPosition(local.index, delta)
  const end = Math.max(index, mapPosition(local.index + local.remove, delta))
  return { index, remove: end - index, insert: local.insert }
}
