import type { PickedFile } from './bridge'

/** Reads a small picked file (a price table, portfolio definitions) as UTF-8 text, refusing one over `maxBytes`. */
export async function readPickedText(file: PickedFile, maxBytes = Infinity): Promise<string> {
  if (file.size > maxBytes) throw new Error(`${file.name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`)
  const decoder = new TextDecoder('utf-8')
  let text = ''
  for await (const chunk of file.stream()) text += decoder.decode(chunk, { stream: true })
  return text + decoder.decode()
}
