import { expect, test, vi } from 'vitest'
import type { ElectronApi } from '../../electron/preload/api'
import { createElectronBridge } from './bridge.electron'

function fakeApi() {
  const contents = new Map<string, Uint8Array[]>()
  const file = (handle: string) => ({ handle, name: 'a.jsonl', relativePath: 'projects/x/a.jsonl', size: 3 })
  contents.set('h1', [new Uint8Array([1, 2]), new Uint8Array([3])])
  const api = {
    openFiles: vi.fn(async () => [file('h1')]),
    readFileChunk: vi.fn(async (handle: string) => contents.get(handle)?.shift() ?? null),
    closeFile: vi.fn(async () => undefined),
    reopenFile: vi.fn(async () => {
      contents.set('h2', [new Uint8Array([1, 2, 3])])
      return file('h2')
    }),
    scanAgentLogs: vi.fn(async () => ({
      folders: [{ tool: 'claude-code' as const, path: '/home/me/.claude/projects', exists: true, files: 1, bytes: 3, firstModified: null, lastModified: null }],
      files: [file('h1')],
    })),
  }
  return api as typeof api & ElectronApi
}

async function bytesOf(stream: AsyncIterable<Uint8Array>): Promise<number[]> {
  const out: number[] = []
  for await (const chunk of stream) out.push(...chunk)
  return out
}

test('a desktop file streams through its handle, and a second read asks the main process for a fresh one', async () => {
  const api = fakeApi()
  const [file] = await createElectronBridge(api).openFiles()
  expect(await bytesOf(file.stream())).toEqual([1, 2, 3])
  expect(api.closeFile).toHaveBeenCalledWith('h1')
  expect(await bytesOf(file.stream())).toEqual([1, 2, 3])
  expect(api.reopenFile).toHaveBeenCalledWith('h1')
})

test('the agent-log scan returns the folders and streamable files', async () => {
  const api = fakeApi()
  const scan = await createElectronBridge(api).scanAgentLogs!()
  expect(scan.folders[0].tool).toBe('claude-code')
  expect(await bytesOf(scan.files[0].stream())).toEqual([1, 2, 3])
})
