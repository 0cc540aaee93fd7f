import * as Y from 'yjs'
import { Settings } from '../records/settings'
import { DEFAULT_SETTINGS } from './defaultSettings'
import { LOCAL_EDIT } from './origins'
import type { RecordProblem } from './problems'

/**
 * The workspace settings: one Y.Map of keys. A key that fails validation is reported and
 * replaced by its default for this read; the stored value is left for a newer version.
 */
export class SettingsStore {
  readonly map: Y.Map<unknown>

  constructor(private readonly doc: Y.Doc) {
    this.map = doc.getMap('settings')
  }

  read(): { settings: Settings; problems: RecordProblem[] } {
    const stored = this.map.toJSON() as Record<string, unknown>
    const merged = { ...DEFAULT_SETTINGS, ...stored }
    const problems: RecordProblem[] = []
    const result = Settings.safeParse(merged)
    if (result.success) return { settings: result.data, problems }
    const repaired: Record<string, unknown> = { ...merged }
    for (const issue of result.error.issues) {
      const key = String(issue.path[0])
      problems.push({ collection: 'settings', id: key, message: issue.message })
      repaired[key] = DEFAULT_SETTINGS[key as keyof Settings]
    }
    return { settings: Settings.parse(repaired), problems }
  }

  set<K extends keyof Settings>(key: K, value: Settings[K], origin: unknown = LOCAL_EDIT): void {
    const fieldSchema = (Settings.shape as Record<string, { parse(v: unknown): unknown }>)[key as string]
    fieldSchema.parse(value)
    this.doc.transact(() => this.map.set(key, value), origin)
  }

  observe(listener: () => void): () => void {
    const handler = () => listener()
    this.map.observeDeep(handler)
    return () => this.map.unobserveDeep(handler)
  }
}
