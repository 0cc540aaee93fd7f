import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markdownTableCell, markdownText } from './markdownSafe'
import { hostileText, renderMarkdown, renderMarkdownInline, unsafeParts } from '../../test/support/markdownSafetyCheck'

describe('markdownText', () => {
  it('renders hostile text without a tag or a non-http(s) link, as a paragraph or a table cell', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(unsafeParts(renderMarkdown(markdownText(text)))).toEqual([])
        expect(unsafeParts(renderMarkdown(`| a |\n| --- |\n| ${markdownTableCell(text)} |\n`))).toEqual([])
      }),
      { numRuns: 2000 },
    )
  })

  it('shows the text as typed', () => {
    const shown = (text: string) => renderMarkdownInline(markdownText(text))
    expect(shown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(shown('[click](javascript:alert(1))')).toBe('[click](javascript:alert(1))')
    expect(shown('Tom & Jerry: 30% `quick` fix')).toBe('Tom &amp; Jerry: 30% `quick` fix')
    expect(shown('mail ana@example.com, files at ftp://x.example')).toBe('mail ana@example.com, files at ftp://x.example')
  })

  it('keeps bare http(s) addresses clickable', () => {
    expect(renderMarkdown(markdownText('see https://wiki.example/runbook'))).toContain('<a href="https://wiki.example/runbook">')
  })

  it('keeps a table cell on one line and inside its column', () => {
    expect(markdownTableCell('a | b\nc')).toBe('a \\| b c')
  })
})

describe('markdownText on everyday text', () => {
  it('leaves timestamps, labels with colons and amounts as they are', () => {
    expect(markdownText('Started: 2026-10-05T09:00:00.000Z, 11890.20 USD, MTTR down 30%')).toBe('Started: 2026-10-05T09:00:00.000Z, 11890.20 USD, MTTR down 30%')
  })
})
