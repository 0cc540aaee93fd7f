import { sourceFromFile, type ImportSource } from './sources'

/**
 * The files of a drop, folders walked (a dropped ~/.claude/projects brings every session
 * file in it). Falls back to the plain file list where entries are not available.
 */
export async function sourcesFromDrop(data: DataTransfer): Promise<ImportSource[]> {
  const entries = [...(data.items ?? [])]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null)
  if (entries.length > 0 && entries.every((entry) => entry !== null)) {
    const out: ImportSource[] = []
    for (const entry of entries) await walk(entry!, '', out)
    return out
  }
  return [...(data.files ?? [])].map((file) => sourceFromFile(file))
}

async function walk(entry: FileSystemEntry, prefix: string, out: ImportSource[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
    out.push(sourceFromFile(file, path))
    return
  }
  if (!entry.isDirectory) return
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  const children: FileSystemEntry[] = []
  // readEntries returns the folder in batches until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) break
    children.push(...batch)
  }
  children.sort((a, b) => a.name.localeCompare(b.name))
  for (const child of children) await walk(child, path, out)
}
