/**
 * The objects of a JSON export with the line each starts on, so a bad record is reported as
 * `file:line`. Accepts one list (`gh pr list --json`, `curl` of one page), lists written one
 * after another (`gh api --paginate` without `--slurp`), and a list of lists (`--slurp`).
 */
export interface JsonItem {
  value: Record<string, unknown>
  line: number
}

export class JsonShapeError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message)
  }
}

const SPACE = /\s/

export function jsonListItems(text: string): JsonItem[] {
  const items: JsonItem[] = []
  // Open brackets; `list` marks a list whose entries are items or more lists of items.
  const open: { char: '[' | '{'; list: boolean; expectEntry: boolean; line: number }[] = []
  let line = 1
  let item: { start: number; line: number; depth: number } | null = null
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') line++
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
      continue
    }
    if (SPACE.test(char)) continue
    const top = open[open.length - 1]
    if (item) {
      if (char === '"') inString = true
      else if (char === '{' || char === '[') open.push({ char, list: false, expectEntry: false, line })
      else if (char === '}' || char === ']') {
        if ((char === '}') !== (top.char === '{')) throw new JsonShapeError(line, `"${char}" closes a "${top.char}" opened on line ${top.line}`)
        open.pop()
        if (open.length === item.depth) {
          items.push({ value: parseItem(text.slice(item.start, i + 1), item.line), line: item.line })
          item = null
        }
      }
      continue
    }
    if (top === undefined) {
      if (char !== '[') throw new JsonShapeError(line, char === '{' ? 'one JSON object, not a list: export a list (e.g. `gh pr list --json …`)' : `expected a JSON list, found "${char}"`)
      open.push({ char: '[', list: true, expectEntry: true, line })
      continue
    }
    // Inside a list of items, between entries.
    if (char === ']') {
      open.pop()
      continue
    }
    if (char === ',') {
      if (top.expectEntry) throw new JsonShapeError(line, 'a comma where a record was expected')
      top.expectEntry = true
      continue
    }
    if (!top.expectEntry) throw new JsonShapeError(line, 'a record follows another without a comma')
    top.expectEntry = false
    if (char === '[') open.push({ char: '[', list: true, expectEntry: true, line })
    else if (char === '{') {
      item = { start: i, line, depth: open.length }
      open.push({ char: '{', list: false, expectEntry: false, line })
    } else throw new JsonShapeError(line, `expected a record (a JSON object), found "${char}"`)
  }
  if (inString) throw new JsonShapeError(line, 'a string never closes')
  if (item || open.length > 0) throw new JsonShapeError(line, `the file ends inside a "${open[open.length - 1].char}" opened on line ${open[open.length - 1].line}`)
  if (items.length === 0 && !/\S/.test(text)) throw new JsonShapeError(1, 'the file is empty')
  return items
}

function parseItem(text: string, line: number): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    throw new JsonShapeError(line, `not valid JSON: ${(error as Error).message}`)
  }
}
