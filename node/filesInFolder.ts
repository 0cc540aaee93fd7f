import { type Dirent, readdirSync } from 'node:fs'
import { join } from 'node:path'

export interface FolderWalk {
  /** Whether a file (by path) is wanted. */
  wanted: (path: string) => boolean
  /** Hidden (dot) files and folders are passed over. */
  skipHidden: boolean
  /** Told of each folder that could not be listed (permission denied, removed meanwhile); the walk goes on without it. */
  unreadable: (folder: string, error: unknown) => void
  /** Listings shared with other walks of the same folders, so that each folder is read once. */
  listings?: FolderListings
}

/**
 * Folders' entries, each folder read once however many walks ask for it: a folder import asks
 * for each kind of file in turn (agent logs, outcome exports, billing exports), and listing
 * thousands of session folders three times delayed the first file's read.
 */
export class FolderListings {
  private readonly listed = new Map<string, Dirent[] | { error: unknown }>()

  /** The folder's entries, as readdirSync gives them (with their types); throws what it threw, every time. */
  entries(folder: string): Dirent[] {
    let listing = this.listed.get(folder)
    if (listing === undefined) {
      try {
        listing = readdirSync(folder, { withFileTypes: true })
      } catch (error) {
        listing = { error }
      }
      this.listed.set(folder, listing)
    }
    if (!Array.isArray(listing)) throw listing.error
    return listing
  }
}

/**
 * The wanted regular files under `folder`, sorted: every folder import (billing exports and
 * agent logs alike) walks with this, so an unreadable subfolder is reported and skipped the
 * same way for both. Symbolic links, pipes and devices inside folders are never followed.
 */
export function filesInFolder(folder: string, walk: FolderWalk): string[] {
  const found: string[] = []
  const visit = (dir: string) => {
    let entries
    try {
      entries = walk.listings ? walk.listings.entries(dir) : readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      walk.unreadable(dir, error)
      return
    }
    for (const entry of entries) {
      if (walk.skipHidden && entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (entry.isFile() && walk.wanted(path)) found.push(path)
    }
  }
  visit(folder)
  return found.sort()
}

/** For callers that cannot go on without every folder (benchmarks, tests): an unreadable one is an error. */
export function failOnUnreadable(folder: string, error: unknown): never {
  throw new Error(`cannot list ${folder}: ${(error as Error).message}`)
}
