import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildSqliteFixture } from '../../test/support/sqliteFixture'
import { temporaryFolder } from '../../test/support/tempDirs'
import { fileLogSource, ReadBuffer, reusingLogSource } from './logFileSource'

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; reads: number }> {
  const copies: Buffer[] = []
  // Copied as they come: a reused buffer's chunk is overwritten by the next read.
  for await (const chunk of chunks) copies.push(Buffer.from(chunk))
  return { bytes: Buffer.concat(copies), reads: copies.length }
}

describe('reusingLogSource', () => {
  it('reads files one after another into one buffer with the bytes fileLogSource reads, whole when they fit', async () => {
    const folder = temporaryFolder()
    const sizes = [5000, 0, 12, 70_000, 3000, 64 * 1024]
    const expectedReads = [1, 0, 1, 2, 1, 1]
    const paths = sizes.map((size, i) => {
      const path = join(folder, `${i}.jsonl`)
      writeFileSync(path, Buffer.from(Array.from({ length: size }, (_, k) => (k * 7 + i) % 251)))
      return path
    })
    const reuse = new ReadBuffer(64 * 1024)
    const source = reusingLogSource(reuse)
    for (const [i, path] of paths.entries()) {
      const { bytes, reads } = await bytesOf(source(path).chunks())
      expect(bytes.equals((await bytesOf(fileLogSource(path).chunks())).bytes)).toBe(true)
      expect(bytes.length).toBe(sizes[i])
      // Whole in one read up to the buffer's limit; a larger file in reads of that size.
      expect(reads).toBe(expectedReads[i])
    }
    expect(reuse.bytes.length).toBe(64 * 1024)
  })

  it('grows its buffer for a bigger file to at least twice its size, never past its limit', () => {
    const reuse = new ReadBuffer(1000)
    expect(reuse.bufferFor(99).length).toBe(100)
    // Twice the buffer, though the file needs less; one that fits takes the same buffer.
    const grown = reuse.bufferFor(120)
    expect(grown.length).toBe(200)
    expect(reuse.bufferFor(150)).toBe(grown)
    // A file bigger than twice the buffer gets its own size; the limit caps every growth.
    expect(reuse.bufferFor(450).length).toBe(451)
    expect(reuse.bufferFor(600).length).toBe(902)
    expect(reuse.bufferFor(950).length).toBe(1000)
    expect(reuse.bufferFor(5000).length).toBe(1000)
  })

  it('reads an agent SQLite store as its lines, as fileLogSource does', async () => {
    const store = buildSqliteFixture(join(__dirname, '../../test/fixtures/logs/opencode/opencode.db.sql'), join(temporaryFolder(), 'opencode', 'opencode.db'))
    const lines = (await bytesOf(reusingLogSource(new ReadBuffer())(store).chunks())).bytes.toString('utf8')
    expect(lines).toBe((await bytesOf(fileLogSource(store).chunks())).bytes.toString('utf8'))
    expect(lines.split('\n').length).toBeGreaterThan(2)
  })
})
