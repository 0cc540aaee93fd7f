/**
 * Generated billing exports for the benchmarks, written once into bench-data/ and reused while
 * they exist. Several shapes, so a result does not hold for one layout only: the Anthropic
 * Console cost export (14 columns, 2-decimal dollars, quoted key names), the OpenAI organisation
 * costs export with every grouping (17 columns, 30-digit decimals, e-mails, longer lines) and
 * grouped by line item and project only (10 narrow columns), and a wide AWS CUR 2.0 (32 columns,
 * tags as JSON).
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
const DAYS = 300
const dayNumber = (index: number, rows: number) => Math.floor((index / rows) * DAYS)
/** Days spread evenly over 300 days of 2026, in row order like the real exports. */
const dayOf = (index: number, rows: number) => Date.UTC(2026, 0, 1) + dayNumber(index, rows) * 86_400_000

/**
 * The grouping of a row among its day's rows, as digits of the dimensions' sizes (`sizes`):
 * an export is grouped by its dimensions, so no two rows of a day share them, which is what
 * the importers' natural keys rely on. The day's rows take distinct combinations (a stride
 * coprime to their number, shifted by the day), so the order still looks random.
 */
function groupOf(index: number, rows: number, sizes: readonly number[]): number[] {
  const day = dayNumber(index, rows)
  const within = index - Math.ceil((day * rows) / DAYS)
  const combinations = sizes.reduce((product, size) => product * size, 1)
  if (Math.ceil(rows / DAYS) + 1 > combinations) throw new Error(`${rows} rows need more than ${combinations} groupings a day`)
  let rest = (((within * 7919 + day * 104_729) % combinations) + combinations) % combinations
  return sizes.map((size) => {
    const digit = rest % size
    rest = Math.floor(rest / size)
    return digit
  })
}

/** A deterministic number in [0, 2^32) for `n`: a per-user property that looks random. */
const scrambled = (n: number) => Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) >>> 0

const API_KEYS = 400
const GEOS = ['global', 'not_available']

/**
 * Rows like the real export: one a day per key, model, workspace, token type and geo; 2-decimal
 * dollars (many 0.00); a fixed name and id per key, some names quoted for their commas; "≤ 200k".
 */
export const ANTHROPIC_COST: BillingCsvShape = {
  name: 'Anthropic Console cost export (14 columns)',
  fileName: (rows) => `anthropic-cost-grouped-${rows}.csv`,
  header: ANTHROPIC_COST_HEADER,
  row(index, rows, next) {
    const day = new Date(dayOf(index, rows)).toISOString().slice(0, 10)
    const [apiKey, model, workspace, tokenType, geo] = groupOf(index, rows, [API_KEYS, ANTHROPIC_MODELS.length, WORKSPACES.length, TOKEN_TYPES.length, GEOS.length])
    const user = `dev${apiKey}`
    const mix = scrambled(apiKey)
    const key = mix % 100 < 15 ? `"${user} laptop, claude code key"` : `claude_code_key_${user}_${(mix >>> 16).toString(16).padStart(4, '0')}`
    const cents = next() < 0.3 ? 0 : Math.floor(next() * 250_000)
    const cost = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
    const keyId = `apikey_01${mix.toString(36).padStart(11, '0')}${scrambled(mix).toString(36).padStart(11, '0')}${user}`
    return `${day},${ANTHROPIC_MODELS[model]},${WORKSPACES[workspace]},${key},message,≤ 200k,${TOKEN_TYPES[tokenType]},${cost},${cost},token,${GEOS[geo]},,${keyId},${mix % 10 === 0 ? 'archived' : 'active'}`
  },
}

/** Daily buckets, one a day per line item, user, key and project: amounts with 30 decimals, quoted line items. */
export const OPENAI_COST: BillingCsvShape = {
  name: 'OpenAI costs export, every grouping (17 columns)',
  fileName: (rows) => `openai-cost-grouped-${rows}.csv`,
  header: OPENAI_COST_HEADER,
  row(index, rows, next) {
    const start = dayOf(index, rows) / 1000
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19) + '+00:00'
    const [user, project, model, kind] = groupOf(index, rows, [400, PROJECTS.length, OPENAI_MODELS.length, OPENAI_TOKEN_KINDS.length])
    const amount = `${Math.floor(next() * 40)}.${String(Math.floor(next() * 1e15)).padStart(15, '0')}${'0'.repeat(15)}`
    return `${start},${start + 86_400},${iso(start)},${iso(start + 86_400)},${amount},usd,${Math.floor(next() * 2e6)},tokens,"${OPENAI_MODELS[model]}, ${OPENAI_TOKEN_KINDS[kind]}",user_${user},key_${user % 97},proj_${project},org_1,${PROJECTS[project]},Acme,dev${user}@acme.test,responses`
  },
}

const CUR_HEADER =
  'identity_line_item_id,identity_time_interval,bill_bill_type,bill_payer_account_id,bill_billing_period_start_date,bill_billing_period_end_date,line_item_usage_account_id,line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,line_item_usage_type,line_item_operation,line_item_availability_zone,line_item_resource_id,line_item_usage_amount,line_item_currency_code,line_item_unblended_rate,line_item_unblended_cost,line_item_blended_rate,line_item_blended_cost,line_item_line_item_description,product_product_family,product_region_code,product_instance_type,product_servicecode,pricing_unit,pricing_public_on_demand_cost,pricing_public_on_demand_rate,pricing_term,resource_tags,line_item_iam_principal'
const CUR_USAGE = [
  ['AmazonBedrock', 'USE1-Claude4.6Sonnet-input-tokens', 'InvokeModel', 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6', '0.003'],
  ['AmazonBedrock', 'USE1-Claude4.6Sonnet-output-tokens', 'InvokeModel', 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6', '0.015'],
  ['AmazonBedrock', 'USE1-Nova2.0Lite-output-tokens-flex', 'InvokeModel', '', '0.0002'],
  ['AmazonS3', 'TimedStorage-ByteHrs', 'PutObject', 'my-bucket', '0.023'],
  ['AmazonEC2', 'BoxUsage:m7g.large', 'RunInstances', 'i-0abc1234def567890', '0.0816'],
] as const
const TEAMS = ['platform', 'data', 'mobile', 'web', 'infra']

/** AWS CUR 2.0 (the documented columns): a distinct line item id per row, daily intervals, tags as JSON. */
export const AWS_CUR: BillingCsvShape = {
  name: 'AWS CUR 2.0 (32 columns)',
  fileName: (rows) => `aws-cur-${rows}.csv`,
  header: CUR_HEADER,
  row(i, rows, next) {
    const start = new Date(dayOf(i, rows))
    const [from, to] = [start.toISOString().slice(0, 19) + 'Z', new Date(start.getTime() + 86_400_000).toISOString().slice(0, 19) + 'Z']
    const month = `${from.slice(0, 8)}01T00:00:00Z`
    const nextMonth = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)).toISOString().slice(0, 19) + 'Z'
    const [product, usageType, operation, resource, rate] = pick(next, CUR_USAGE)
    const amount = (Math.floor(next() * 5_000_000) / 1000).toFixed(3)
    const cost = (Number(amount) * Number(rate)).toFixed(7)
    const tags = next() < 0.6 ? `"{""user_team"":""${pick(next, TEAMS)}"",""user_workflow"":""wf-${Math.floor(next() * 40)}""}"` : '{}'
    const principal = next() < 0.7 ? `arn:aws:iam::444455556666:user/dev${Math.floor(next() * 300)}` : ''
    return `li-${i.toString(36)}-${Math.floor(next() * 1e9).toString(36)},${from}/${to},Anniversary,111122223333,${month},${nextMonth},444455556666,Usage,${from},${to},${product},${usageType},${operation},,${resource},${amount},USD,${rate},${cost},${rate},${cost},"$${rate} per unit, ${usageType}",,us-east-1,,${product},1K tokens,${cost},${rate},OnDemand,${tags},${principal}`
  },
}

const OPENAI_LINE_ITEMS = ['gpt-5, input', 'gpt-5, output', 'gpt-5, cached input', 'gpt-4o-2024-08-06, input', 'gpt-4o-2024-08-06, output', 'o3, output']

/** OpenAI cost export grouped by line item and project (one row a day for each): ten narrow columns. */
export const OPENAI_COST_BY_PROJECT: BillingCsvShape = {
  name: 'OpenAI costs export by line item and project (10 columns)',
  fileName: (rows) => `openai-cost-by-project-grouped-${rows}.csv`,
  header: 'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name',
  row(i, rows, next) {
    const seconds = dayOf(i, rows) / 1000
    const iso = (at: number) => new Date(at * 1000).toISOString().slice(0, 19) + '+00:00'
    const [lineItem, project] = groupOf(i, rows, [OPENAI_LINE_ITEMS.length, 3000])
    const amount = (Math.floor(next() * 10_000_000) / 1e6).toString()
    return `${seconds},${seconds + 86_400},${iso(seconds)},${iso(seconds + 86_400)},${amount},usd,"${OPENAI_LINE_ITEMS[lineItem]}",proj_${project},org_1,Acme`
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
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      buffer = ''
    }
  }
  out.write(buffer)
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  // Written back to disk before any side is timed: the first rounds after generating ran
  // slower while the kernel flushed the file's dirty pages.
  const fd = openSync(path, 'r+')
  fsyncSync(fd)
  closeSync(fd)
  return path
}
