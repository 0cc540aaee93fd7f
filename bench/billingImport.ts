/**
 * Billing import benchmark: `npx tsx bench/billingImport.ts [rows]`.
 *
 * Generates billing exports of several shapes in bench-data/ (once; reused while present):
 * a 1,000,000-row (~190 MB) Anthropic Console cost export and a 200,000-row one, a wide AWS
 * CUR 2.0 export (32 columns, tags as JSON) and a narrow OpenAI cost export (10 columns).
 *
 * First the parse alone on the million-row file, each side in its own child process so peak
 * RSS is measured honestly: our streaming importer (every row a Charge with exact totals, no
 * batch) against papaparse's streaming parse (`step`, header:true) and udsv's (to show how
 * fast this machine is right now). Targets: >= 150 MB/s, >= 2x papaparse, peak RSS < 300 MB.
 *
 * Then, per shape, what a person waits for: the whole `import --json FILE` command (spawned,
 * wall time and peak RSS), without and with `--workspace` (a new workspace file each time),
 * against papaparse's streaming parse of the same file (timed inside its process, so without
 * Node's start, which the command's time includes). Targets (issue 20): the command in no more
 * time than papaparse (>= 1.0x) under 300 MB; with --workspace in no more than twice it. CPU
 * time is printed beside wall time: on a busy machine it is the steadier of the two.
 *
 * The machine is shared, so the sides take turns for three rounds (BENCH_ROUNDS) and each
 * side's best round counts, all reading the file the same way.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { inferSchema, initParser, type Parser } from 'udsv'
import { readFileChunks } from '../node/fileChunks'
import { billingFileSource } from '../cli/import/billingFiles'
import { parseBillingFile } from '../shared/importers/billing/importBillingFile'
import { lcg } from '../test/support/seededRandom'
import { bestOfAlternatingRounds } from './bestOfRounds'
import { timedCommand } from './timedCommand'

const HERE = dirname(fileURLToPath(import.meta.url))
const DATA_DIR = join(HERE, '..', 'bench-data')
const CLI = join(HERE, '..', 'scripts', 'cli.mjs')
const HEADER = 'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed,api_key_id,api_key_status'
const MODELS = ['Claude Sonnet 4.5', 'Claude Opus 4.6', 'Claude Haiku 4.5', 'Claude 3.5 Sonnet 2024-10-22']
const WORKSPACES = ['Default', 'Claude Code', 'Platform Engineering Production', 'Data Science Sandbox']
const TOKEN_TYPES = ['input_no_cache', 'output', 'input_cache_read', 'input_cache_write_5m', 'input_cache_write_1h']
/**
 * Read size for every side. 64 KiB chunks decode to strings that die young in V8's new
 * space; 1 MiB chunks become large-object-space strings that linger until a full GC
 * (measured here: peak RSS 282 MB and twice the CPU time, against 115 MB).
 */
const CHUNK_BYTES = 64 * 1024

interface SideResult {
  side: string
  bytes: number
  rows: number
  seconds: number
  /** CPU time of the parse (user + system): the machine is shared, so wall time alone misleads. */
  cpuSeconds: number
  maxRssMB: number
  check: string
}

/** A generated export: its header and the line for row `i` of `rows` (`next`: seeded random in [0, 1)). */
interface Shape {
  name: string
  file: string
  rows: number
  header: string
  line: (i: number, rows: number, next: () => number) => string
}

const pick = <T>(list: readonly T[], next: () => number) => list[Math.floor(next() * list.length)]
const dayOf = (i: number, rows: number) => new Date(Date.UTC(2026, 0, 1) + Math.floor((i / rows) * 300) * 86_400_000)
const dollars = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`

/** Rows like the real export: 2-decimal dollars (many 0.00), key names with commas quoted, "≤ 200k". */
function anthropicCost(rows: number): Shape {
  return {
    name: `Anthropic cost, ${rows.toLocaleString('en')} rows`,
    file: `anthropic-cost-${rows}.csv`,
    rows,
    header: HEADER,
    line(i, rows, next) {
      const day = dayOf(i, rows).toISOString().slice(0, 10)
      const user = `dev${Math.floor(next() * 400)}`
      const key = next() < 0.15 ? `"${user} laptop, claude code key"` : `claude_code_key_${user}_${Math.floor(next() * 65536).toString(16).padStart(4, '0')}`
      const cost = dollars(next() < 0.3 ? 0 : Math.floor(next() * 250_000))
      const keyId = `apikey_01${Math.floor(next() * 1e15).toString(36).padStart(11, '0')}${Math.floor(next() * 1e15).toString(36).padStart(11, '0')}${user}`
      return `${day},${pick(MODELS, next)},${pick(WORKSPACES, next)},${key},message,≤ 200k,${pick(TOKEN_TYPES, next)},${cost},${cost},token,${next() < 0.5 ? 'global' : 'not_available'},,${keyId},${next() < 0.9 ? 'active' : 'archived'}`
    },
  }
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
function awsCur(rows: number): Shape {
  return {
    name: `AWS CUR 2.0 (32 columns), ${rows.toLocaleString('en')} rows`,
    file: `aws-cur-${rows}.csv`,
    rows,
    header: CUR_HEADER,
    line(i, rows, next) {
      const start = dayOf(i, rows)
      const [from, to] = [start.toISOString().slice(0, 19) + 'Z', new Date(start.getTime() + 86_400_000).toISOString().slice(0, 19) + 'Z']
      const month = `${from.slice(0, 8)}01T00:00:00Z`
      const nextMonth = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)).toISOString().slice(0, 19) + 'Z'
      const [product, usageType, operation, resource, rate] = pick(CUR_USAGE, next)
      const amount = (Math.floor(next() * 5_000_000) / 1000).toFixed(3)
      const cost = (Number(amount) * Number(rate)).toFixed(7)
      const tags = next() < 0.6 ? `"{""user_team"":""${pick(TEAMS, next)}"",""user_workflow"":""wf-${Math.floor(next() * 40)}""}"` : '{}'
      const principal = next() < 0.7 ? `arn:aws:iam::444455556666:user/dev${Math.floor(next() * 300)}` : ''
      return `li-${i.toString(36)}-${Math.floor(next() * 1e9).toString(36)},${from}/${to},Anniversary,111122223333,${month},${nextMonth},444455556666,Usage,${from},${to},${product},${usageType},${operation},,${resource},${amount},USD,${rate},${cost},${rate},${cost},"$${rate} per unit, ${usageType}",,us-east-1,,${product},1K tokens,${cost},${rate},OnDemand,${tags},${principal}`
    },
  }
}

const OPENAI_LINE_ITEMS = ['gpt-5, input', 'gpt-5, output', 'gpt-5, cached input', 'gpt-4o-2024-08-06, input', 'gpt-4o-2024-08-06, output', 'o3, output']

/** OpenAI cost export grouped by line item and project: ten narrow columns. */
function openaiCost(rows: number): Shape {
  return {
    name: `OpenAI cost (10 columns), ${rows.toLocaleString('en')} rows`,
    file: `openai-cost-${rows}.csv`,
    rows,
    header: 'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name',
    line(i, rows, next) {
      const start = dayOf(i, rows)
      const seconds = start.getTime() / 1000
      const iso = (at: number) => new Date(at * 1000).toISOString().slice(0, 19) + '+00:00'
      const amount = (Math.floor(next() * 10_000_000) / 1e6).toString()
      return `${seconds},${seconds + 86_400},${iso(seconds)},${iso(seconds + 86_400)},${amount},usd,"${pick(OPENAI_LINE_ITEMS, next)}",proj_${Math.floor(next() * 3000)},org_1,Acme`
    },
  }
}

async function generate(path: string, shape: Shape): Promise<void> {
  mkdirSync(dirname(path), { recursive: true })
  const out = createWriteStream(path)
  const next = lcg(42)
  let buffer = shape.header + '\n'
  for (let i = 0; i < shape.rows; i++) {
    buffer += shape.line(i, shape.rows, next) + '\n'
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
}

/** The shape's file in bench-data/, generated first when missing. */
async function shapeFile(shape: Shape): Promise<string> {
  const path = join(DATA_DIR, shape.file)
  if (!existsSync(path)) {
    process.stdout.write(`generating ${path} …\n`)
    await generate(path, shape)
  }
  return path
}

type Measured = Omit<SideResult, 'side' | 'maxRssMB' | 'cpuSeconds'>

async function runOurs(path: string): Promise<Measured> {
  const started = performance.now()
  let rows = 0
  const summary = await parseBillingFile(billingFileSource(path), { onCharge: () => rows++ })
  const seconds = (performance.now() - started) / 1000
  if (summary.status !== 'ok') throw new Error(`import rejected: ${JSON.stringify(summary.errors.slice(0, 3))}`)
  return { bytes: summary.bytes, rows, seconds, check: `USD ${summary.totals.USD}` }
}

/**
 * The file's text, read the way our import reads its bytes (readFileChunks), so that every
 * side is timed on the same reads and the ratios compare the parsers alone.
 */
async function* textChunks(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder()
  for await (const bytes of readFileChunks(path, CHUNK_BYTES)) yield decoder.decode(bytes, { stream: true })
  const rest = decoder.decode()
  if (rest) yield rest
}

/** papaparse's streaming parse, fed the text of the same reads as the other sides. */
async function runPapaparse(path: string): Promise<Measured> {
  const started = performance.now()
  let rows = 0
  await new Promise<void>((resolve, reject) => {
    Papa.parse(Readable.from(textChunks(path)), {
      header: true,
      step: () => {
        rows++
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    })
  })
  const seconds = (performance.now() - started) / 1000
  return { bytes: statSync(path).size, rows, seconds, check: 'parse only' }
}

/** udsv's streaming parse to string arrays: no import, printed to calibrate the machine. */
async function runUdsv(path: string): Promise<Measured> {
  const started = performance.now()
  let rows = 0
  let parser: Parser | null = null
  for await (const text of textChunks(path)) {
    parser ??= initParser(inferSchema(text))
    parser.chunk(text, parser.stringArrs, () => {
      rows++
    })
  }
  parser?.end()
  const seconds = (performance.now() - started) / 1000
  return { bytes: statSync(path).size, rows, seconds, check: 'parse only' }
}

const SIDES: Record<string, (path: string) => Promise<Measured>> = { ours: runOurs, papaparse: runPapaparse, udsv: runUdsv }

async function child(side: string, path: string): Promise<void> {
  const cpuBefore = process.cpuUsage()
  const result = await SIDES[side](path)
  const cpu = process.cpuUsage(cpuBefore)
  const maxRssMB = process.resourceUsage().maxRSS / 1024
  process.stdout.write(JSON.stringify({ side, ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMB }) + '\n')
}

function runChild(side: string, path: string): SideResult {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', side, path], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (run.status !== 0) throw new Error(`${side} failed:\n${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as SideResult
}

/** The whole `import --json` command against papaparse on one file: best of the rounds, each side spawned. */
function wholeCommand(shape: Shape, path: string): void {
  const workspace = join(DATA_DIR, 'bench.workfolio')
  const command = (extra: string[]) => () => {
    rmSync(workspace, { force: true })
    const run = timedCommand(process.execPath, [CLI, 'import', '--json', ...extra, path])
    const report = JSON.parse(run.stdout) as { charges: { count: number } }
    if (report.charges.count !== shape.rows) throw new Error(`import counted ${report.charges.count} charges of ${shape.rows}`)
    return run
  }
  const { best } = bestOfAlternatingRounds(
    { papaparse: () => runChild('papaparse', path), import: command([]), 'import --workspace': command(['--workspace', workspace]) },
    (result) => result.seconds,
  )
  rmSync(workspace, { force: true })
  const papa = best.papaparse.seconds
  const bytes = statSync(path).size
  const papaCpu = best.papaparse.cpuSeconds
  process.stdout.write(`${shape.name} (${(bytes / 1e6).toFixed(0)} MB): papaparse ${papa.toFixed(2)} s wall (${papaCpu.toFixed(2)} s CPU), peak RSS ${best.papaparse.maxRssMB.toFixed(0)} MB\n`)
  for (const side of ['import', 'import --workspace'] as const) {
    const { seconds, cpuSeconds, maxRssMB } = best[side]
    const limit = side === 'import' ? 1 : 0.5
    const met = papa / seconds >= limit && (side !== 'import' || maxRssMB < 300)
    process.stdout.write(
      `  ${side.padEnd(20)} ${seconds.toFixed(2)} s wall (${cpuSeconds.toFixed(2)} s CPU), peak RSS ${maxRssMB.toFixed(0)} MB: ${(papa / seconds).toFixed(2)}x papaparse, ${(papaCpu / cpuSeconds).toFixed(2)}x in CPU time (target >= ${limit}x${side === 'import' ? ', < 300 MB' : ''}: ${met ? 'met' : 'NOT met'})\n`,
    )
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') return child(args[1], args[2])
  const rows = Number(args[0] ?? 1_000_000)
  const shapes = [anthropicCost(rows), anthropicCost(Math.round(rows / 5)), awsCur(Math.round(rows / 4)), openaiCost(rows)]
  const paths = await Promise.all(shapes.map(shapeFile))
  const path = paths[0]
  const sides = Object.fromEntries(Object.keys(SIDES).map((side) => [side, () => runChild(side, path)]))
  const { rounds, best } = bestOfAlternatingRounds(sides, (result) => result.seconds)
  const { ours, papaparse: papa, udsv } = best
  process.stdout.write(`parse alone, ${shapes[0].name}, best of ${rounds} alternating rounds per side:\n`)
  const mbps = (side: SideResult) => side.bytes / 1e6 / side.seconds
  const cpuMbps = (side: SideResult) => side.bytes / 1e6 / side.cpuSeconds
  for (const side of [ours, papa, udsv]) {
    process.stdout.write(
      `${side.side.padEnd(10)} ${(side.bytes / 1e6).toFixed(1)} MB  ${side.rows} rows  ${side.seconds.toFixed(2)} s wall = ${mbps(side).toFixed(0)} MB/s  ${side.cpuSeconds.toFixed(2)} s CPU = ${cpuMbps(side).toFixed(0)} MB/s  peak RSS ${side.maxRssMB.toFixed(0)} MB  (${side.check})\n`,
    )
  }
  const ratio = mbps(ours) / mbps(papa)
  const met = mbps(ours) >= 150 && ratio >= 2 && ours.maxRssMB < 300
  process.stdout.write(`ratio (wall): ${ratio.toFixed(2)}x papaparse streaming, (CPU): ${(cpuMbps(ours) / cpuMbps(papa)).toFixed(2)}x\n`)
  // The targets were set where udsv streamed at about 160 MB/s and papaparse at 76: on a busier machine every side slows down.
  process.stdout.write(`machine check: udsv streams at ${mbps(udsv).toFixed(0)} MB/s here (parse only; about 160 MB/s where the targets were set); our import runs at ${(mbps(ours) / mbps(udsv)).toFixed(2)}x udsv\n`)
  process.stdout.write(`targets >= 150 MB/s, >= 2x papaparse, peak RSS < 300 MB: ${met ? 'met' : 'NOT met'}\n`)

  process.stdout.write(`\nthe whole command \`npm run cli -- import --json FILE\`, best of ${rounds} alternating rounds per side:\n`)
  shapes.forEach((shape, i) => wholeCommand(shape, paths[i]))

  // One row 15 MB long (just under the 16 MB record cap): read in linear time, or a minute when each chunk re-read the line.
  const longLine = join(DATA_DIR, 'anthropic-cost-long-line.csv')
  if (!existsSync(longLine)) writeFileSync(longLine, `${HEADER}\n2026-08-05,Claude Sonnet 4.6,Default,${'k'.repeat(15 * 1024 * 1024)},message,≤ 200k,output,1.25,1.25,token,global,,apikey_01,active\n`)
  const long = runChild('ours', longLine)
  process.stdout.write(`one 15 MB row: ${long.seconds.toFixed(2)} s = ${mbps(long).toFixed(0)} MB/s (once; no target)\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exitCode = 1
})
