import type { PickedFile } from '../../platform/bridge'

/** Reads a small picked file (a price table, a rules file) as UTF-8 text. */
export async function readPickedText(file: PickedFile, maxBytes = 50 * 1024 * 1024): Promise<string> {
  if (file.size > maxBytes) throw new Error(`${file.name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`)
  const decoder = new TextDecoder('utf-8')
  let text = ''
  for await (const chunk of file.stream()) text += decoder.decode(chunk, { stream: true })
  return text + decoder.decode()
}
