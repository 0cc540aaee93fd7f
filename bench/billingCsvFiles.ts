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

/** OpenAI cost export grouped by line item and project: ten narrow columns. */
export const OPENAI_COST_BY_PROJECT: BillingCsvShape = {
  name: 'OpenAI costs export by line item and project (10 columns)',
  fileName: (rows) => `openai-cost-by-project-${rows}.csv`,
  header: 'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name',
  row(i, rows, next) {
    const seconds = dayOf(i, rows) / 1000
    const iso = (at: number) => new Date(at * 1000).toISOString().slice(0, 19) + '+00:00'
    const amount = (Math.floor(next() * 10_000_000) / 1e6).toString()
    return `${seconds},${seconds + 86_400},${iso(seconds)},${iso(seconds + 86_400)},${amount},usd,"${pick(next, OPENAI_LINE_ITEMS)}",proj_${Math.floor(next() * 3000)},org_1,Acme`
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
  // 20% slower while the kernel flushed 187 MB of dirty pages (measured here: 190 MB/s, then 240).
  const fd = openSync(path, 'r+')
  fsyncSync(fd)
  closeSync(fd)
  return path
}
