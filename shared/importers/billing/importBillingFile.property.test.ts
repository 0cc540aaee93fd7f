import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CurrencyTotals } from '../../money/totals'
import { Ledger } from '../../workspace/ledger'
import { chunksOf } from '../text/decode'
import { importBillingFile } from './importBillingFile'
import { FIXTURES, storedCharges } from '../../../test/support/billingFixtures'
import { withIdentitiesMade } from '../../../test/support/identitiesMade'

const FIXTURE_FILES = ['anthropic-cost-2026-08.csv', 'openai-cost_2026-09-01_2026-09-04.csv', 'cursor-usage-events-2026-08-31.csv', 'azure-cost-details.csv', 'aws-cur2-bedrock.csv', 'github-copilot-ai-usage-21.csv']
const fixtureBytes = FIXTURE_FILES.map((file) => readFileSync(join(FIXTURES, file)))

/** How the CLI reads files on Node (see cli/import/billingFiles.ts). */
const nodeLatin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')

/**
 * Chunks as the CLI's readFileChunks hands them out: views of one buffer that the next read
 * overwrites, scribbled over at the end, so an importer that kept a chunk reads garbage.
 */
async function* reusedBufferChunks(bytes: Uint8Array, chunkSize: number): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(chunkSize)
  try {
    for await (const chunk of chunksOf(bytes, chunkSize)) {
      buffer.set(chunk)
      yield buffer.subarray(0, chunk.length)
      buffer.fill(0x22)
    }
  } finally {
    buffer.fill(0x2c)
  }
}

/** Decoded from fresh chunks, or (latin1) read as Node's CLI reads files: bytes as chars, from a reused buffer. */
async function importBytes(bytes: Uint8Array, chunkSize = 13, latin1 = false) {
  const chunks = latin1 ? reusedBufferChunks(bytes, chunkSize) : chunksOf(bytes, chunkSize)
  return importBillingFile({ name: 'input.csv', chunks, latin1: latin1 ? nodeLatin1 : undefined }, { importedAt: '2026-11-29T00:00:00.000Z' })
}

/** Reading bytes as chars and decoding only non-ASCII values must change nothing at all. */
async function expectSameThroughLatin1(bytes: Uint8Array, chunkSize: number) {
  const decoded = await importBytes(bytes, chunkSize)
  const latin1 = await importBytes(bytes, chunkSize, true)
  expect(withIdentitiesMade(latin1)).toEqual(withIdentitiesMade(decoded))
}

/** Either imported, or rejected with at least one line number inside the file. */
function expectImportedOrRejectedAtALine(result: Awaited<ReturnType<typeof importBytes>>, text: string) {
  const lines = text.split('\n').length + 1
  if (result.status === 'ok') {
    expect(result.batch).not.toBeNull()
    expect(storedCharges(result)).toHaveLength(result.records)
  } else {
    expect(result.status).toBe('rejected')
    expect(result.batch).toBeNull()
    expect(result.errors.length).toBeGreaterThan(0)
    for (const issue of result.errors) {
      expect(issue.line).toBeGreaterThanOrEqual(1)
      expect(issue.line).toBeLessThanOrEqual(lines)
    }
  }
}

const csvChar = fc.constantFrom('a', 'Z', '0', '9', '.', '-', ',', ',', '"', '"', '\n', '\r\n', ' ', '\t', ';', '≤', '$', '(', ')', '\uFEFF')

describe('billing import never crashes (property-based)', () => {
  it('random CSV-ish text either imports or is rejected with a line number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(csvChar, { maxLength: 300 }).map((chars) => chars.join('')), async (text) => {
        const bytes = new TextEncoder().encode(text)
        expectImportedOrRejectedAtALine(await importBytes(bytes), text)
        await expectSameThroughLatin1(bytes, 13)
      }),
      { numRuns: 200 },
    )
  })

  it('corrupted real exports (bytes flipped, cut, quotes and separators inserted) either import or are rejected with a line number', async () => {
    const mutation = fc.record({
      file: fc.integer({ min: 0, max: fixtureBytes.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('flip', 'delete', 'quote', 'comma', 'newline', 'cut'), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
      chunk: fc.integer({ min: 1, max: 64 }),
    })
    await fc.assert(
      fc.asyncProperty(mutation, async ({ file, edits, chunk }) => {
        let bytes = Array.from(fixtureBytes[file])
        for (const edit of edits) {
          const at = edit.at % (bytes.length + 1)
          if (edit.kind === 'flip') bytes[Math.min(at, bytes.length - 1)] = edit.byte
          if (edit.kind === 'delete') bytes.splice(at, 1)
          if (edit.kind === 'quote') bytes.splice(at, 0, 0x22)
          if (edit.kind === 'comma') bytes.splice(at, 0, 0x2c)
          if (edit.kind === 'newline') bytes.splice(at, 0, 0x0a)
          if (edit.kind === 'cut') bytes = bytes.slice(0, at)
        }
        const data = new Uint8Array(bytes)
        expectImportedOrRejectedAtALine(await importBytes(data, chunk), new TextDecoder().decode(data))
        await expectSameThroughLatin1(data, chunk)
      }),
      { numRuns: 200 },
    )
  })
})

describe('billing import is exact and idempotent (property-based)', () => {
  const amount = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 12 })).map(([negative, units, scale]) => {
    const digits = units.toString().padStart(scale + 1, '0')
    const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits
    return negative && units > 0n ? `-${text}` : text
  })
  const rows = fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), key: fc.constantFrom('k1', '"k, 2"', 'k3'), type: fc.constantFrom('input_no_cache', 'output'), cost: amount }), { minLength: 1, maxLength: 40 })

  it('totals are the exact decimal sum, whatever the chunking, and a second import is a duplicate that changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 1, max: 50 }), async (generated, chunk) => {
        const text = ['usage_date_utc,model,workspace,api_key,usage_type,token_type,cost_usd', ...generated.map((row) => `2026-07-${String(row.day).padStart(2, '0')},Claude Opus 4.6,Default,${row.key},message,${row.type},${row.cost}`)].join('\r\n')
        const bytes = new TextEncoder().encode(text)
        const first = await importBytes(bytes, chunk)
        const expected = new CurrencyTotals()
        for (const row of generated) expected.add('USD', row.cost)
        expect(first.status).toBe('ok')
        expect(first.totals).toEqual(expected.toJSON())
        expect(first.records).toBe(generated.length)

        const ledger = new Ledger(new Y.Doc())
        expect(ledger.add(first.batch!)).toBe('added')
        const before = ledger.charges().records.length
        const second = await importBytes(bytes, 7)
        expect(second.batch!.meta.id).toBe(first.batch!.meta.id)
        expect(ledger.add(second.batch!)).toBe('duplicate')
        expect(ledger.charges().records.length).toBe(before)
        expect(before).toBe(generated.length)
      }),
      { numRuns: 60 },
    )
  })
})
