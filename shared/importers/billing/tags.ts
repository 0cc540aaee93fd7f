/**
 * Tags/labels cells. AWS CUR 2.0 writes a JSON object, FOCUS too; Azure writes the object
 * WITHOUT its outer braces (`"team": "platform","env": "prod"`); hand-made files use
 * `team=platform; env=prod`. Returns null when the text is none of these.
 */
export function parseTags(text: string): Record<string, string> | null {
  const value = text.trim()
  if (value === '' || value === '{}' || value === '[]') return {}
  if (value.startsWith('{') || value.startsWith('"')) {
    const parsed = parseJsonObject(value.startsWith('{') ? value : `{${value}}`)
    if (parsed) return parsed
  }
  const pairs = value.split(/[;|]/).map((pair) => pair.split(/[=:]/))
  if (pairs.every((pair) => pair.length === 2 && pair[0].trim() !== '')) {
    return Object.fromEntries(pairs.map(([key, tagValue]) => [key.trim(), tagValue.trim()]))
  }
  return null
}

function parseJsonObject(text: string): Record<string, string> | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const tags: Record<string, string> = {}
  for (const [key, tagValue] of Object.entries(value)) {
    if (tagValue === null || tagValue === undefined) continue
    tags[key] = typeof tagValue === 'string' ? tagValue : JSON.stringify(tagValue)
  }
  return tags
}
