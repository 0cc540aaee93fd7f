import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CsvSyntaxError, CsvTokenizer, sniffDelimiter } from './tokenizer'

/** Node's byte-per-char reader, as the command line passes it (cli/import/billingFiles.ts). */
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')

function tokenize(text: string, chunkSizes: number[] = [text.length || 1], options: { trim?: boolean } = {}): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = []
  const sink = (fields: string[], line: number) => records.push({ fields, line })
  const tokenizer = new CsvTokenizer(options)
  let offset = 0
  for (let i = 0; offset < text.length; i++) {
    const size = Math.max(1, chunkSizes[i % chunkSizes.length])
    tokenizer.push(text.slice(offset, offset + size), sink)
    offset += size
  }
  tokenizer.end(sink)
  return records
}

describe('CsvTokenizer', () => {
  it('splits plain rows and reports the line each record starts on', () => {
    expect(tokenize('a,b\n1,2\n\n3,4')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 4 },
    ])
  })

  it('handles CRLF, quoted commas, escaped quotes and newlines inside quotes (LF or CRLF)', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"multi\nline","crlf\r\ninside"\r\nlast,row\r\n'
    expect(tokenize(text)).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'say "hi"'], line: 2 },
      { fields: ['multi\nline', 'crlf\r\ninside'], line: 3 },
      { fields: ['last', 'row'], line: 6 },
    ])
  })

  it('gives the same records however the text is chunked', () => {
    const text = 'h1,h2,h3\r\n"a,1",b,"c\nd"\n"",,"x""y"\r\nplain,row,here\n"q"'
    const whole = tokenize(text)
    for (const sizes of [[1], [2, 3], [5], [7, 1, 13]]) expect(tokenize(text, sizes)).toEqual(whole)
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }), (sizes) => {
      expect(tokenize(text, sizes)).toEqual(whole)
    }))
  })

  it('reports a quote that never closes with the line it opened on', () => {
    expect(() => tokenize('a,b\n1,2\n"open,3\n4,5\n')).toThrowError(CsvSyntaxError)
    try {
      tokenize('a,b\n1,2\n"open,3\n4,5\n')
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3)
    }
  })

  it('keeps stray quotes inside unquoted values instead of guessing', () => {
    expect(tokenize('a,b\n5" screen,x\n"ab"c,d\n').map((record) => record.fields)).toEqual([['a', 'b'], ['5" screen', 'x'], ['abc', 'd']])
    // After a quoted value on the same line too, and with one after it.
    expect(tokenize('"q",5" screen,"x"\n"q",plain,"y" z\n').map((record) => record.fields)).toEqual([['q', '5" screen', 'x'], ['q', 'plain', 'y z']])
  })

  it('sniffs tab (Excel "Unicode text") and semicolon separated files from the header', () => {
    expect(sniffDelimiter('a\tb\tc')).toBe('\t')
    expect(sniffDelimiter('a;b;c')).toBe(';')
    expect(sniffDelimiter('a,b;c,d')).toBe(',')
    expect(tokenize('a\tb\n"1,5"\t2\n').map((record) => record.fields)).toEqual([['a', 'b'], ['1,5', '2']])
    expect(tokenize('sep=;\r\na;b,c\n1;2\n')).toEqual([
      { fields: ['a', 'b,c'], line: 2 },
      { fields: ['1', '2'], line: 3 },
    ])
  })

  it('reads back any records written as CSV, quoted or not, with the line each starts on', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '≤'), maxLength: 8 })
    const record = fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 5 })
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }), (records, sizes) => {
        // A value must be quoted when it holds a delimiter, a quote or a line break.
        const lines = records.map((fields) =>
          fields.map(([text, quoteAnyway]) => (quoteAnyway || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)).join(','),
        )
        const expected: { fields: string[]; line: number }[] = []
        let line = 1
        records.forEach((fields, index) => {
          const texts = fields.map(([text]) => text)
          // A lone empty unquoted value is a blank line, which the tokenizer skips.
          if (lines[index] !== '') expected.push({ fields: texts, line })
          line += lines[index].split('\n').length
        })
        expect(tokenize(lines.join('\n') + '\n', sizes)).toEqual(expected)
      }),
    )
  })

  it('reads raw UTF-8 through a byte-per-char reader exactly as decoded text, however the bytes are chunked', () => {
    const unit = fc.constantFrom('a', ',', ';', '"', '\n', '\r\n', 'é', '≤ 200k', '🚀', '\uFFFD')
    const head = fc.constantFrom('', 'sep=;\n', '"sep=,"\r\n')
    fc.assert(
      fc.property(head, fc.string({ unit, maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }), (hint, body, sizes) => {
        const bytes = new TextEncoder().encode(hint + body)
        const viaText = (() => {
          try {
            return tokenize(new TextDecoder().decode(bytes))
          } catch (error) {
            return (error as CsvSyntaxError).line
          }
        })()
        const records: { fields: string[]; line: number }[] = []
        const sink = (fields: string[], line: number) => records.push({ fields, line })
        const tokenizer = new CsvTokenizer()
        const viaBytes = (() => {
          try {
            for (let offset = 0, i = 0; offset < bytes.length; i++) {
              const size = sizes[i % sizes.length]
              tokenizer.pushUtf8(bytes.subarray(offset, offset + size), latin1, sink)
              offset += size
            }
            tokenizer.end(sink)
            return records
          } catch (error) {
            return (error as CsvSyntaxError).line
          }
        })()
        expect(viaBytes).toEqual(viaText)
      }),
    )
  })

  it('with trim, gives each value as read untrimmed, trimmed when it starts or ends with a blank, from text or from bytes', () => {
    // "à" is C3 A0 in UTF-8: read as bytes its second half is a Latin-1 no-break space, which must survive.
    const unit = fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', '\t', 'à', '\u00a0', '≤ 200k')
    const outcome = (read: () => { fields: string[]; line: number }[]) => {
      try {
        return read()
      } catch (error) {
        return (error as CsvSyntaxError).line
      }
    }
    const cellRule = (value: string) => (value !== '' && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? value.trim() : value)
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }), (body, sizes) => {
        const text = 'h1,h2\n' + body
        const expected = outcome(() => tokenize(text).map(({ fields, line }) => ({ fields: fields.map(cellRule), line })))
        expect(outcome(() => tokenize(text, sizes, { trim: true }))).toEqual(expected)
        const bytes = new TextEncoder().encode(text)
        const viaBytes = outcome(() => {
          const records: { fields: string[]; line: number }[] = []
          const sink = (fields: string[], line: number) => records.push({ fields, line })
          const tokenizer = new CsvTokenizer({ trim: true })
          for (let offset = 0, i = 0; offset < bytes.length; i++) {
            tokenizer.pushUtf8(bytes.subarray(offset, offset + sizes[i % sizes.length]), latin1, sink)
            offset += sizes[i % sizes.length]
          }
          tokenizer.end(sink)
          return records
        })
        expect(viaBytes).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  describe('a very long line', () => {
    const CHUNK = 64 * 1024
    const longValue = 'x'.repeat(5 * 1024 * 1024)
    const text = `id,note\n1,${longValue},≤ 200k\n2,short,é\n`

    it('is decoded once in all, not once per chunk (bytes read as chars stay linear in the line)', () => {
      const bytes = new TextEncoder().encode(text)
      let decodedChars = 0
      const countingLatin1 = (chunk: Uint8Array) => {
        decodedChars += chunk.length
        return latin1(chunk)
      }
      const records: string[][] = []
      const tokenizer = new CsvTokenizer()
      // Each chunk in one reused Node Buffer, as readFileChunks gives them: what is held back must be copied.
      const reused = Buffer.alloc(CHUNK)
      for (let offset = 0; offset < bytes.length; offset += CHUNK) {
        const chunk = bytes.subarray(offset, offset + CHUNK)
        reused.set(chunk)
        tokenizer.pushUtf8(reused.subarray(0, chunk.length), countingLatin1, (fields) => records.push(fields))
      }
      tokenizer.end((fields) => records.push(fields))
      expect(records).toEqual([['id', 'note'], ['1', longValue, '≤ 200k'], ['2', 'short', 'é']])
      // Each byte is read as a char about once (a chunk's left-over line start again with the next): not the line's length per chunk.
      expect(decodedChars).toBeLessThan(2 * bytes.length)
    })

    it('gives the same record from text in many chunks', () => {
      expect(tokenize(text, [CHUNK, 7, CHUNK * 3]).map((record) => record.fields)).toEqual([['id', 'note'], ['1', longValue, '≤ 200k'], ['2', 'short', 'é']])
    })

    it('is refused past 16 MB, as an unclosed quote is, with the line it starts on', () => {
      const endless = `id,note\n1,ok\n2,${'y'.repeat(17 * 1024 * 1024)}`
      for (const read of [() => tokenize(endless, [CHUNK]), () => {
        const tokenizer = new CsvTokenizer()
        const bytes = new TextEncoder().encode(endless)
        for (let offset = 0; offset < bytes.length; offset += CHUNK) tokenizer.pushUtf8(bytes.subarray(offset, offset + CHUNK), latin1, () => {})
      }]) {
        let error: unknown
        try {
          read()
        } catch (thrown) {
          error = thrown
        }
        expect(error).toBeInstanceOf(CsvSyntaxError)
        expect(error).toMatchObject({ line: 3, message: 'a line longer than 16 MB; not a CSV record' })
      }
    })
  })
})
