import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FolderListings, filesInFolder, type FolderWalk } from './filesInFolder'

const folders: string[] = []
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })))

function folderWith(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'workfolio-walk-'))
  folders.push(root)
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true })
    writeFileSync(join(root, file), '')
  }
  return root
}

describe('filesInFolder with shared listings', () => {
  it('reads each folder once for every walk that shares the listings, each walk keeping its own wants', () => {
    const root = folderWith(['a.jsonl', 'sub/b.csv', 'sub/deeper/c.jsonl', '.hidden/d.jsonl'])
    const listings = new FolderListings()
    const walk = (wanted: (path: string) => boolean, skipHidden: boolean): FolderWalk => ({ wanted, skipHidden, unreadable: () => undefined, listings })
    const logs = filesInFolder(root, walk((path) => path.endsWith('.jsonl'), false))
    // A file added after the first walk: walks sharing its listings do not see it, a walk of its own does.
    writeFileSync(join(root, 'sub', 'late.csv'), '')
    const bills = filesInFolder(root, walk((path) => path.endsWith('.csv'), true))
    expect(logs).toEqual(['.hidden/d.jsonl', 'a.jsonl', 'sub/deeper/c.jsonl'].map((file) => join(root, file)))
    expect(bills).toEqual([join(root, 'sub/b.csv')])
    expect(filesInFolder(root, { wanted: (path) => path.endsWith('.csv'), skipHidden: true, unreadable: () => undefined })).toEqual([join(root, 'sub/b.csv'), join(root, 'sub/late.csv')])
  })

  it('tells every walk of a folder that could not be listed, with the same error', () => {
    const listings = new FolderListings()
    const missing = join(folderWith([]), 'gone')
    const told: [string, string][] = []
    for (let walk = 0; walk < 2; walk++) {
      filesInFolder(missing, { wanted: () => true, skipHidden: true, unreadable: (folder, error) => told.push([folder, (error as NodeJS.ErrnoException).code!]), listings })
    }
    expect(told).toEqual([
      [missing, 'ENOENT'],
      [missing, 'ENOENT'],
    ])
  })
})
