import { expect } from 'vitest'
import type { LogIssue } from '../../shared/importers/logs/types'

/**
 * A property test's check of one file's warnings: each names the file and 0 (the file) or one
 * of its lines, and no line cut short (it opens a JSON object it does not close) goes unsaid.
 */
export function expectLineWarnings(warnings: readonly LogIssue[], path: string, text: string): void {
  const lines = text.split('\n')
  for (const warning of warnings) {
    expect(warning.path).toBe(path)
    expect(warning.line).toBeGreaterThanOrEqual(0)
    expect(warning.line).toBeLessThanOrEqual(lines.length)
  }
  const warned = new Set(warnings.map((warning) => warning.line))
  lines.forEach((line, i) => {
    const trimmed = line.trim()
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) expect(warned.has(i + 1), `line ${i + 1}`).toBe(true)
  })
}
