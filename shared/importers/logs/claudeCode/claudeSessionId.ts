/**
 * The session a Claude Code transcript belongs to, from its path (as ccusage groups them):
 * `projects/<dir>/<session>.jsonl` → `<session>`; `…/<session>/subagents/agent-x.jsonl` → the
 * parent `<session>`. Older sibling `agent-<id>.jsonl` files name their parent only inside
 * (the `sessionId` field of every line), so for them this returns null.
 */
export function claudeSessionIdFromPath(path: string): string | null {
  const parts = path.split(/[\\/]/)
  const stem = fileStem(parts[parts.length - 1])
  if (parts.length >= 3 && parts[parts.length - 2] === 'subagents' && parts[parts.length - 3]) return parts[parts.length - 3]
  if (stem.startsWith('agent-')) return null
  return stem
}

export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  return base.replace(/\.jsonl$/i, '')
}
