import { HeaderIndex } from '../csv/header'
import { CsvTokenizer } from '../csv/tokenizer'

/** A CSV export's header and rows, each row with the line it starts on. Throws CsvSyntaxError. */
export function csvRows(text: string): { header: HeaderIndex; rows: { fields: string[]; line: number }[] } | null {
  const records: { fields: string[]; line: number }[] = []
  const tokenizer = new CsvTokenizer({ trim: true })
  const sink = (fields: string[], line: number) => {
    if (fields.some((field) => field !== '')) records.push({ fields, line })
  }
  tokenizer.push(text, sink)
  tokenizer.end(sink)
  const [header, ...rows] = records
  return header ? { header: new HeaderIndex(header.fields), rows } : null
}
