import { observeElementRect, type Rect, type Virtualizer } from '@tanstack/react-virtual'

export const ROW_HEIGHT = 36
export const HEADER_HEIGHT = 36

/** The viewport assumed before (or without) layout: a typical desktop window's table area. */
export const FALLBACK_RECT: Rect = { width: 1200, height: 720 }

/**
 * The scroll container's size, as the browser reports it. An element with no layout at all
 * (a hidden tab, a DOM without a layout engine) reports 0×0: then the fallback viewport is
 * used, so the table still renders a window of rows instead of one.
 */
export function observeRectWithFallback<T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => cb(rect.width === 0 && rect.height === 0 ? FALLBACK_RECT : rect))
}

/** Rows in one page of the viewport, for PageUp/PageDown. */
export function rowsPerPage(viewportHeight: number): number {
  return Math.max(1, Math.floor((viewportHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
}
