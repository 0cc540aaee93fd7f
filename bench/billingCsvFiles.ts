/**
 * Generated billing exports for the benchmarks, written once into bench-data/ and reused while
 * they exist. Two shapes, so a result does not hold for one layout only: the Anthropic Console
 * cost export (14 columns, 2-decimal dollars, quoted key names) and the OpenAI organisation
 * costs export with every grouping (17 columns, 30-digit decimals, e-mails, longer lines).
 */
import { closeSync, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lcg } from '../test/support/seededRandom'

export const BENCH_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench-data')

export const ANTHROPIC_COST_HEADER =
  'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed,api_key_id,api_key_status'
const ANTHROPIC_MODELS = ['Claude Sonnet 4.5', 'Claude Opus 4.6', 'Claude Haiku 4.5', 'Claude 3.5 Sonnet 2024-10-22']
const WORKSPACES = ['Default', 'Claude Code', 'Platform Engineering Production', 'Data Science Sandbox']
const TOKEN_TYPES = ['input_no_cache', 'output', 'input_cache_read', 'input_cache_write_5m', 'input_cache_write_1h']

const OPENAI_COST_HEADER =
  'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,quantity,quantity_unit,line_item,user_id,api_key_id,project_id,organization_id,project_name,organization_name,user_email,api_source'
const OPENAI_MODELS = ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-4.1', 'o3']
const OPENAI_TOKEN_KINDS = ['input_tokens', 'output_tokens', 'cached_input_tokens']
const PROJECTS = ['Backend', 'Support bot', 'Evaluations', 'Data platform']

type RowWriter = (index: number, rows: number, next: () => number) => string

export interface BillingCsvShape {
  name: string
  fileName(rows: number): string
  header: string
  row: RowWriter
}

const pick = <T>(next: () => number, list: readonly T[]) => list[Math.floor(next() * list.length)]
/** Days spread evenly over 300 days of 2026, in row order like the real exports. */
const dayOf = (index: number, rows: number) => Date.UTC(2026, 0, 1) + Math.floor((index / rows) * 300) * 86_400_000

/** Rows like the real export: 2-decimal dollars (many 0.00), key names with commas quoted, "≤ 200k". */
export const ANTHROPIC_COST: BillingCsvShape = {
  name: 'Anthropic Console cost export (14 columns)',
  fileName: (rows) => `anthropic-cost-${rows}.csv`,
  header: ANTHROPIC_COST_HEADER,
  row(index, rows, next) {
    const day = new Date(dayOf(index, rows)).toISOString().slice(0, 10)
    const user = `dev${Math.floor(next() * 400)}`
    const key = next() < 0.15 ? `"${user} laptop, claude code key"` : `claude_code_key_${user}_${Math.floor(next() * 65536).toString(16).padStart(4, '0')}`
    const cents = next() < 0.3 ? 0 : Math.floor(next() * 250_000)
    const cost = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
    const keyId = `apikey_01${Math.floor(next() * 1e15).toString(36).padStart(11, '0')}${Math.floor(next() * 1e15).toString(36).padStart(11, '0')}${user}`
    return `${day},${pick(next, ANTHROPIC_MODELS)},${pick(next, WORKSPACES)},${key},message,≤ 200k,${pick(next, TOKEN_TYPES)},${cost},${cost},token,${next() < 0.5 ? 'global' : 'not_available'},,${keyId},${next() < 0.9 ? 'active' : 'archived'}`
  },
}

/** Daily buckets grouped by line item, user, key and project: amounts with 30 decimals, quoted line items. */
export const OPENAI_COST: BillingCsvShape = {
  name: 'OpenAI costs export, every grouping (17 columns)',
  fileName: (rows) => `openai-cost-${rows}.csv`,
  header: OPENAI_COST_HEADER,
  row(index, rows, next) {
    const start = dayOf(index, rows) / 1000
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19) + '+00:00'
    const user = Math.floor(next() * 400)
    const project = Math.floor(next() * PROJECTS.length)
    const amount = `${Math.floor(next() * 40)}.${String(Math.floor(next() * 1e15)).padStart(15, '0')}${'0'.repeat(15)}`
    return `${start},${start + 86_400},${iso(start)},${iso(start + 86_400)},${amount},usd,${Math.floor(next() * 2e6)},tokens,"${pick(next, OPENAI_MODELS)}, ${pick(next, OPENAI_TOKEN_KINDS)}",user_${user},key_${user % 97},proj_${project},org_1,${PROJECTS[project]},Acme,dev${user}@acme.test,responses`
  },
}

/** The file of `rows` rows of a shape in bench-data/, generated (seeded, so always the same) when missing. */
export async function billingCsvFile(shape: BillingCsvShape, rows: number): Promise<string> {
  const path = join(BENCH_DATA_DIR, shape.fileName(rows))
  if (existsSync(path)) return path
  process.stdout.write(`generating ${path} …\n`)
  mkdirSync(BENCH_DATA_DIR, { recursive: true })
  const out = createWriteStream(path)
  const next = lcg(42)
  let buffer = shape.header + '\n'
  for (let i = 0; i < rows; i++) {
    buffer += shape.row(i, rows, next) + '\n'
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve))
      buffer = ''
    }
  }
  out.write(buffer)
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  // Written back to disk before any side is timed: the first rounds after generating ran
  // 20% slower while the kernel flushed 187 MB of dirty pages (measured here: 190 MB/s, then 240).
  const fd = openSync(path, 'r+')
  fsyncSync(fd)
  closeSync(fd)
  return path
}
