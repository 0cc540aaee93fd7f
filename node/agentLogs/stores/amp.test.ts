import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { temporaryFolder } from '../../../test/support/tempDirs'
import { failOnUnreadable } from '../../filesInFolder'
import { defaultLogFolders, findLogFiles } from '../discover'
import { ampStore } from './amp'

function thread(folder: string, name: string): string {
  mkdirSync(folder, { recursive: true })
  const path = join(folder, name)
  writeFileSync(path, '{"v":1,"id":"T-1"}\n')
  return path
}

describe('Amp store discovery', () => {
  const root = temporaryFolder('amp-home-')
  const home = join(root, 'home')
  const threadFile = thread(join(home, '.local/share/amp/threads'), 'T-0d6a2f4e-1111-4c3b-8a9d-5e6f7a8b9c0d.json')
  // Beside the threads, Amp keeps settings and caches that are not sessions.
  thread(join(home, '.local/share/amp'), 'settings.json')

  it('finds the threads under ~/.local/share/amp by default, and nothing else of Amp’s', () => {
    expect(findLogFiles(defaultLogFolders({}, home), failOnUnreadable)).toEqual([threadFile])
  })

  it('takes the Amp data folder the user picks, or a folder above it', () => {
    expect(findLogFiles([join(home, '.local/share/amp')], failOnUnreadable)).toEqual([threadFile])
    expect(findLogFiles([join(home, '.local/share')], failOnUnreadable)).toEqual([threadFile])
  })

  it('honours AMP_DATA_DIR (a comma-separated list, as ccusage reads it) and XDG_DATA_HOME', () => {
    const teamA = thread(join(root, 'team-a/threads'), 'T-aaaaaaaa-0000-4000-8000-000000000001.json')
    const teamB = thread(join(root, 'team-b/threads'), 'T-bbbbbbbb-0000-4000-8000-000000000002.json')
    expect(findLogFiles(defaultLogFolders({ AMP_DATA_DIR: `${join(root, 'team-a')}, ${join(root, 'team-b')}` }, home), failOnUnreadable)).toEqual([teamA, teamB])
    const xdg = thread(join(root, 'xdg/amp/threads'), 'T-cccccccc-0000-4000-8000-000000000003.json')
    expect(findLogFiles(defaultLogFolders({ XDG_DATA_HOME: join(root, 'xdg') }, join(root, 'nobody')), failOnUnreadable)).toEqual([xdg])
    expect(ampStore.locations({ XDG_DATA_HOME: '/x' }, '/home/me')).toEqual([join('/x', 'amp', 'threads')])
    expect(ampStore.locations({}, '/home/me')).toEqual([join('/home/me', '.local', 'share', 'amp', 'threads')])
  })
})
