import { afterEach, expect, test, vi } from 'vitest'
import { createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { ImportView } from './ImportView'

afterEach(() => {
  vi.unstubAllGlobals()
})

test('the import worker starts as the Import view first opens, before a file is picked, and once', () => {
  const started: string[] = []
  class RecordedWorker {
    constructor(url: URL | string) {
      started.push(String(url))
    }
    postMessage() {}
    addEventListener() {}
    terminate() {}
  }
  vi.stubGlobal('Worker', RecordedWorker)
  const workspace = createMemoryWorkspace()
  const view = renderWithWorkspace(<ImportView params={[]} />, workspace)
  expect(started.filter((url) => url.includes('importWorker'))).toHaveLength(1)
  view.unmount()
  renderWithWorkspace(<ImportView params={[]} />, workspace)
  expect(started.filter((url) => url.includes('importWorker'))).toHaveLength(1)
})
