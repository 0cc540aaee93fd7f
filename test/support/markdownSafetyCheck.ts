/**
 * Test support for exports: renders Markdown the way the most permissive viewer would and
 * reports what in the result could run script or lead to a non-http(s) address.
 */
import fc from 'fast-check'
import MarkdownIt from 'markdown-it'

/** A renderer at its most permissive: raw HTML allowed, bare addresses and e-mails turned into links. */
const renderer = new MarkdownIt({ html: true, linkify: true })

/** Fragments an attacker (or an unlucky note) would use, mixed with arbitrary text. */
export const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<!-- -->', '<?php', '</p>',
        'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'mailto:a@b.co', 'ftp://files.example.com',
        '//evil.example', 'https://ok.example/path', 'http://ok.example', 'www.example.com', 'ana@example.com',
        '[click](javascript:alert(1))', '[x]: javascript:alert(1)', '![i](javascript:x)', '<javascript:alert(1)>', '<https://ok.example>',
        '&#106;avascript:', '&lt;script&gt;', '&amp;', '\\', '\\<', '`', '```', '~~~', '|', '\n', '\n\n', '    ', '# ', '> ', '- ', '*', '_', '(', ')', ':', '"', "'",
      ),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''))

/** Elements Markdown itself produces from text; anything else came from raw HTML. */
const MARKDOWN_ELEMENTS = new Set(['p', 'br', 'a', 'em', 'strong', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's'])

/** What in rendered HTML could run or lead somewhere other than an http(s) page; empty when nothing. */
export function unsafeParts(html: string): string[] {
  const problems: string[] = []
  for (const [, name] of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) if (!MARKDOWN_ELEMENTS.has(name.toLowerCase())) problems.push(`<${name}>`)
  for (const [, url] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) if (!/^https?:\/\//i.test(url)) problems.push(`link to ${url}`)
  if (/<!--|<\?|<!\[CDATA/.test(html)) problems.push('raw HTML construct')
  return problems
}

export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown)
}

export function renderMarkdownInline(markdown: string): string {
  return renderer.renderInline(markdown)
}
