import { costIsSpend } from '../analysis/input'
import { numberInOrder } from '../hash/numberInOrder'
import { createSha256 } from '../hash/sha256'
import { addDecimal, formatDecimal, parseDecimal, ZERO, type Decimal } from '../money/decimal'
import type { Charge } from '../records/charge'
import type { StoredSummary } from './chargeSummaryRead'
import { type Column, decodeColumn, type Json } from './columnCodec'
import { jsonUtf8 } from './jsonUtf8'
import { MOST_EXACT_DIGITS, type PlainDecimal, readPlainDecimal } from '../money/plainDecimal'
import { isOpenAiOrganizationTotal } from './openaiOrganizationTotals'

/**
 * A charges batch's summary, stored beside its payload: its rows added up per UTC day and per
 * value of every field the analysis reads (provider, currency, cost kind and the fields charge
 * rules match on), so that a report of a million-row import adds up a few thousand lines
 * instead of decoding a million charges. A field with more than MAX_DIMENSION_VALUES values in
 * the batch (an API key per row) is left out of the lines; a rule that reads it makes the
 * analysis read that batch row by row. A big batch whose rows hardly add up (a few rows a day,
 * each of another key) leaves out its fields of most values until they do, and gets no
 * summary when even that does not help: it would cost nearly what the rows cost to store.
 *
 * Written only for a batch of one format with unique identities and no OpenAI organisation
 * totals: batches the ledger counts whole, row for row, so its lines add up to what reading
 * the rows would. Its rows are taken to be valid charges, as the import pipeline makes them:
 * checking them against the schema here would load zod at every start of the command line
 * (createBatch is on the import's path); the values the lines keep are checked on read. Stored as the SHA-256 (64
 * hex characters) of its batch's id and its JSON, then the JSON: on read, one that is damaged
 * or belongs to another batch, or whose rows and totals are not its batch's, is not used.
 */
export const SUMMARY_DIMENSIONS = ['model', 'account', 'workspace', 'project', 'apiKey', 'costCenter', 'tags'] as const
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number]

export function isSummaryDimension(field: string): field is SummaryDimension {
  return (SUMMARY_DIMENSIONS as readonly string[]).includes(field)
}

export const SUMMARY_FORMAT = 'workfolio-charge-summary-1'
export const DIGEST_BYTES = 64
const MAX_DIMENSION_VALUES = 1000
/**
 * Up to this many rows a batch gets a summary however little its rows add up; above, only one
 * whose lines stand for this many rows on average: a summary barely smaller than its rows costs
 * nearly what they cost to store and to read.
 */
const SMALL_BATCH_ROWS = 10_000
const MIN_ROWS_PER_LINE = 4
export const KEYED = ['provider', 'currency', 'costKind'] as const

/**
 * The summary of a charges batch from its encoded columns and the one format of its charges
 * (whose identities are unique: the caller checked), as JSON to be stored with the batch's id
 * (storedSummaryOf), or null for a batch the ledger does not count whole (see above).
 * Read from the columns' dictionaries, so that a million rows make no objects and few strings.
 */
export function summarizeChargeColumns(encoded: { length: number; column: Column }, chargeFormat: string): SummaryJson | null {
  const { length, column } = encoded
  if (column.t !== 'obj') return null
  const used = ['start', 'cost', 'model', 'project', ...KEYED, ...SUMMARY_DIMENSIONS]
  // Charges have these keys in every row: a field's column holds all rows.
  if (used.some((key) => !column.k.includes(key) || column.absent[column.k.indexOf(key)].length > 0)) return null
  const columnOf = (key: string): Column => column.c[column.k.indexOf(key)]
  // Only a format with organisation totals has its rows looked at for them.
  if (isOpenAiOrganizationTotal({ format: chargeFormat, model: null, project: null }) && holdsOrganizationTotal(chargeFormat, valueIds(columnOf('model'), length)!, valueIds(columnOf('project'), length)!)) return null
  const starts = valueIds(columnOf('start'), length)!
  const dayOfStart = distinctIds(starts.values.map((start) => (start as string).slice(0, 10)), Infinity, (day) => day)!
  const days = { values: dayOfStart.values, ids: new Int32Array(length) }
  for (let row = 0; row < length; row++) days.ids[row] = dayOfStart.ids[starts.ids[row]]
  const keyed = KEYED.map((key) => valueIds(columnOf(key), length)!)
  const candidates = SUMMARY_DIMENSIONS.flatMap((dimension) => {
    const ids = valueIds(columnOf(dimension), length, MAX_DIMENSION_VALUES)
    return ids ? [{ dimension, ...ids }] : []
  })
  const costs = rowCosts(columnOf('cost'), length)
  if (!costs) return null
  const costKinds = keyed[KEYED.indexOf('costKind')]
  const spendKinds = Uint8Array.from(costKinds.values, (kind) => (costIsSpend(kind as Charge['costKind']) ? 1 : 0))
  // A big batch's lines must stand for MIN_ROWS_PER_LINE rows each on average.
  const mostLines = length <= SMALL_BATCH_ROWS ? Infinity : Math.floor(length / MIN_ROWS_PER_LINE)
  // A big batch whose rows hardly add up leaves out its field of most values until they do (a
  // key per user made a million OpenAI rows two a line); a rule that reads a field left out
  // makes the analysis read that batch row by row. Lines are counted before any amount is added.
  const given = givenUpInOrder(candidates)
  const counted = rowLines([days, ...keyed].map(sized), given.map(sized).reverse(), length, mostLines)
  if (!counted) return null
  const kept = candidates.filter((field) => !given.slice(0, given.length - counted.kept).includes(field))
  const lineFields = [days, ...keyed, ...kept]
  const groups = groupRows(lineFields, counted.lines, costs, costKinds.ids, spendKinds)
  const summary: StoredSummary = {
    format: SUMMARY_FORMAT,
    chargeFormat,
    rows: length,
    dimensions: kept.map((d) => d.dimension),
    values: {
      ...(Object.fromEntries(KEYED.map((key, i) => [key, keyed[i].values])) as Pick<StoredSummary['values'], (typeof KEYED)[number]>),
      ...Object.fromEntries(kept.map((d) => [d.dimension, d.values])),
    },
    // In date order, as a batch's rows come: the analysis makes a key anew only when the month changes.
    lines: inDayOrder(groups, days.values as string[]).map(({ ids: [day, ...ids], cost, rows, rowsWithAmount }) => [days.values[day] as string, ...ids, formatDecimal(cost), rows, rowsWithAmount]),
  }
  return { json: jsonUtf8(summary as unknown as Json) }
}

/** A summary's JSON before it is tied to its batch's id (summed while the batch's content is hashed). */
export interface SummaryJson {
  json: Uint8Array
}

/** The summary as stored beside its batch: its digest with the batch's id first, so a summary is never read for another batch. */
export function storedSummaryOf({ json }: SummaryJson, batchId: string): Uint8Array {
  const stored = new Uint8Array(DIGEST_BYTES + json.length)
  stored.set(new TextEncoder().encode(digestOf(batchId, json)))
  stored.set(json, DIGEST_BYTES)
  return stored
}

/**
 * The lines sorted by their days as localeCompare orders them, lines of one day as they came:
 * the days compared once each, then each line by its day's rank (not the days of every pair
 * of lines compared).
 */
function inDayOrder(groups: LineGroup[], days: readonly string[]): LineGroup[] {
  const compare = dayComparison(days)
  const order = days.map((_, day) => day).sort((a, b) => compare(days[a], days[b]))
  const rank = new Int32Array(days.length)
  for (let at = 1; at < order.length; at++) rank[order[at]] = rank[order[at - 1]] + (compare(days[order[at - 1]], days[order[at]]) === 0 ? 0 : 1)
  return groups.sort((a, b) => rank[a.ids[0]] - rank[b.ids[0]])
}

/**
 * How `days` compare as localeCompare compares them: for days written YYYY-MM-DD, as the
 * batches' starts give them, by their characters (the same order, without the first
 * localeCompare's loading of ICU's collator, a fixed cost of every import into a
 * workspace); any others by localeCompare itself.
 */
export function dayComparison(days: readonly string[]): (a: string, b: string) => number {
  return days.every((day) => ISO_DAY.test(day)) ? (a, b) => (a < b ? -1 : a > b ? 1 : 0) : (a, b) => a.localeCompare(b)
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

interface FieldIds {
  values: Json[]
  ids: Int32Array
}

interface LineGroup {
  ids: number[]
  cost: Decimal
  rows: number
  rowsWithAmount: number
}

/** Each row's line, numbered in the order first met, and how many lines there are. */
interface RowLines {
  lineOf: Float64Array
  count: number
}

/** A field's ids and how many values they range over (at least 1). */
interface SizedIds {
  size: number
  ids: Int32Array
}

const sized = ({ values, ids }: FieldIds): SizedIds => ({ size: Math.max(values.length, 1), ids })

/**
 * The fields a batch whose rows hardly add up gives up, in order: the one of most values
 * first (the first of several as wide), then the next.
 */
function givenUpInOrder<T extends FieldIds>(fields: readonly T[]): T[] {
  const order: T[] = []
  for (let rest = [...fields]; rest.length > 0; ) {
    const widest = rest.reduce((most, field) => (field.values.length > most.values.length ? field : most))
    order.push(widest)
    rest = rest.filter((field) => field !== widest)
  }
  return order
}

/**
 * The rows' lines: rows alike in their ids in the `base` fields and in as many of the
 * `optional` ones, taken in order, as keep the lines at most `mostLines` (the lines of more
 * fields are never fewer: the first that adds too many ends them); null when the base fields
 * alone make more. Each row's ids make one number (no string or boxed number a row), numbered
 * in the order first met only when their count must be known: while the fields' sizes
 * multiplied stay within `mostLines` they cannot make more lines, and a field of many values
 * is counted once (a million Anthropic rows were counted with every field, and again without
 * the API key).
 */
function rowLines(base: readonly SizedIds[], optional: readonly SizedIds[], length: number, mostLines: number): { lines: RowLines; kept: number } | null {
  let keys = new Float64Array(length)
  // The most lines the keys can be: their number once counted (all rows start as one line).
  let most = length > 0 ? 1 : 0
  let counted = true
  const count = () => {
    if (!counted) most = numberInOrder(keys, mostLines) ?? Infinity
    counted = true
    return most
  }
  const fits = (size: number) => most * size <= Math.min(mostLines, Number.MAX_SAFE_INTEGER)
  const addTo = (into: Float64Array, { size, ids }: SizedIds) => {
    for (let row = 0; row < length; row++) into[row] = keys[row] * size + ids[row]
    most *= size
    counted = false
  }
  for (const field of base) {
    // A field of one value (a provider, a currency) tells no rows apart: a pass over the rows saved.
    if (field.size === 1) continue
    // Numbered anew before the keys would pass 2^53: then they range over the lines so far.
    if (most * field.size > Number.MAX_SAFE_INTEGER && count() * field.size > Number.MAX_SAFE_INTEGER) return null
    addTo(keys, field)
  }
  if (most > mostLines && count() > mostLines) return null
  let kept = 0
  for (const field of optional) {
    if (field.size > 1) {
      if (!fits(field.size)) count()
      if (fits(field.size)) addTo(keys, field)
      else {
        // Perhaps too many lines: counted on a copy of the keys, kept only when they are not.
        if (most * field.size > Number.MAX_SAFE_INTEGER) break
        const before = { keys, most }
        const trial = new Float64Array(length)
        addTo(trial, field)
        keys = trial
        if (count() > mostLines) {
          ;({ keys, most } = before)
          break
        }
      }
    }
    kept++
  }
  return { lines: { lineOf: keys, count: count() }, kept }
}

/** The lines in the order first met, each with its fields' ids and summed cost. */
function groupRows(lineFields: readonly FieldIds[], { lineOf, count }: RowLines, costs: RowCosts, costKindIds: Int32Array, spendKinds: Uint8Array): LineGroup[] {
  const { ids, nonZero } = costs
  const firstRow = new Int32Array(count).fill(-1)
  const rows = new Int32Array(count)
  const rowsWithAmount = new Int32Array(count)
  for (let row = 0; row < lineOf.length; row++) {
    const line = lineOf[row]
    if (firstRow[line] < 0) firstRow[line] = row
    rows[line]++
    rowsWithAmount[line] += nonZero[ids[row]] & spendKinds[costKindIds[row]]
  }
  const sums = (costs.scaled && scaledLineCosts(costs.scaled, ids, lineOf, count)) ?? lineCosts(costs.decimals(), ids, lineOf, count)
  return Array.from(firstRow, (first, line) => ({ ids: lineFields.map((field) => field.ids[first]), cost: sums[line], rows: rows[line], rowsWithAmount: rowsWithAmount[line] }))
}

/**
 * Whether a row of the batch is an OpenAI organisation total, as isOpenAiOrganizationTotal
 * tells: asked of each pair of a model and a project the columns hold, and the rows looked
 * through only when one pair is (rather than a million rows each asked); each row asked when
 * there are more pairs than rows.
 */
function holdsOrganizationTotal(format: string, models: FieldIds, projects: FieldIds): boolean {
  const width = projects.values.length
  const charge = { format, model: null as string | null, project: null as string | null }
  if (models.values.length * width > models.ids.length) {
    for (let row = 0; row < models.ids.length; row++) {
      charge.model = models.values[models.ids[row]] as string | null
      charge.project = projects.values[projects.ids[row]] as string | null
      if (isOpenAiOrganizationTotal(charge)) return true
    }
    return false
  }
  const totals = new Uint8Array(models.values.length * width)
  let any = false
  for (let model = 0; model < models.values.length; model++) {
    for (let project = 0; project < width; project++) {
      charge.model = models.values[model] as string | null
      charge.project = projects.values[project] as string | null
      const total = isOpenAiOrganizationTotal(charge)
      totals[model * width + project] = total ? 1 : 0
      any ||= total
    }
  }
  if (!any) return false
  for (let row = 0; row < models.ids.length; row++) if (totals[models.ids[row] * width + projects.ids[row]] === 1) return true
  return false
}

/**
 * Each line's summed cost as lineCosts gives it, added up in doubles, limb by limb: exact, as
 * a line's low limbs' sum is carried back under 10^15 after each row (two below 10^15 add up
 * below 2^53) and no sum of high limbs can reach 2^53 while all the rows' high limbs and a
 * carry each add up to less than 2^52 (added as doubles, whose rounding over millions of rows
 * is far within the factor of two). Null past that bound.
 */
function scaledLineCosts({ high, low, scales, scale }: ScaledAmounts, ids: ArrayLike<number>, lineOf: Float64Array, lines: number): Decimal[] | null {
  let total = lineOf.length
  for (let row = 0; row < lineOf.length; row++) total += Math.abs(high[ids[row]])
  if (total >= 2 ** 52) return null
  const highs = new Float64Array(lines)
  const lows = new Float64Array(lines)
  const lineScales = new Uint8Array(lines)
  for (let row = 0; row < lineOf.length; row++) {
    const line = lineOf[row]
    const id = ids[row]
    let sum = lows[line] + low[id]
    if (sum >= LIMB) {
      sum -= LIMB
      highs[line]++
    } else if (sum <= -LIMB) {
      sum += LIMB
      highs[line]--
    }
    lows[line] = sum
    highs[line] += high[id]
    if (scales[id] > lineScales[line]) lineScales[line] = scales[id]
  }
  return Array.from(highs, (sum, line) => rescaled(BigInt(sum) * LIMB_UNITS + BigInt(lows[line]), scale, lineScales[line]))
}

/**
 * `units` at scale `from` as a Decimal of scale `to`: exact, as a line's amounts are each a
 * multiple of 10^(from - its written scale), and its scale is the largest of theirs.
 */
function rescaled(units: bigint, from: number, to: number): Decimal {
  return { units: to >= from ? units * 10n ** BigInt(to - from) : units / 10n ** BigInt(from - to), scale: to }
}

/**
 * Each line's summed cost, as adding its rows' amounts up with addDecimal gives it (its scale
 * the largest of theirs). Added up as integers of the amounts' largest scale in a
 * BigInt64Array when no sum can reach 2^63, which needs no allocation a row (a million
 * additions of Decimals took a tenth of a second); as Decimals otherwise (amounts of thirty
 * fractional digits).
 */
const INT64_LIMIT = 2n ** 63n

function lineCosts(amounts: readonly Decimal[], ids: ArrayLike<number>, lineOf: Float64Array, lines: number): Decimal[] {
  const scale = amounts.reduce((most, amount) => Math.max(most, amount.scale), 0)
  const powers = Array.from({ length: scale + 1 }, (_, digits) => 10n ** BigInt(digits))
  const units = new BigInt64Array(amounts.length)
  const magnitudes = new Float64Array(amounts.length)
  for (let id = 0; id < amounts.length; id++) {
    const scaled = amounts[id].units * powers[scale - amounts[id].scale]
    if (scaled >= INT64_LIMIT || -scaled >= INT64_LIMIT) return decimalSums(amounts, ids, lineOf, lines)
    units[id] = scaled
    magnitudes[id] = Math.abs(Number(scaled))
  }
  // No line's sum can reach 2^63 when all the rows' magnitudes add up to less than 2^62 (added
  // as floats, whose rounding over millions of rows is far within the factor of two): a bound
  // on the whole batch, so one big row (a fee among a million cents) keeps the fast path.
  let total = 0
  for (let row = 0; row < lineOf.length; row++) total += magnitudes[ids[row]]
  if (total >= 2 ** 62) return decimalSums(amounts, ids, lineOf, lines)
  const sums = new BigInt64Array(lines)
  const lineScales = new Int32Array(lines)
  for (let row = 0; row < lineOf.length; row++) {
    const line = lineOf[row]
    const id = ids[row]
    // Exact (the sums stay below 2^63); asIntN lets the compiler add without making a bigint.
    sums[line] = BigInt.asIntN(64, sums[line] + units[id])
    if (amounts[id].scale > lineScales[line]) lineScales[line] = amounts[id].scale
  }
  // Every amount of a line is a multiple of 10^(scale - its scale): the division is exact.
  return Array.from(sums, (sum, line) => ({ units: sum / powers[scale - lineScales[line]], scale: lineScales[line] }))
}

function decimalSums(amounts: readonly Decimal[], ids: ArrayLike<number>, lineOf: Float64Array, lines: number): Decimal[] {
  const sums: Decimal[] = new Array<Decimal>(lines).fill(ZERO)
  for (let row = 0; row < lineOf.length; row++) sums[lineOf[row]] = addDecimal(sums[lineOf[row]], amounts[ids[row]])
  return sums
}

export function digestOf(batchId: string, json: Uint8Array): string {
  return createSha256().update(`${batchId}\n`).update(json).digestHex()
}

/**
 * Each row's value as an index into the column's distinct values: its dictionary's when it
 * has one, and an object's (tags) from the ids of its keys' values. Null past `cap` values.
 */
function valueIds(column: Column, length: number, cap = Infinity): { values: Json[]; ids: Int32Array } | null {
  switch (column.t) {
    case 'const':
      return { values: [column.v], ids: zerosOf(length) }
    case 'dict':
      // A column the import built holds its ids typed already (only read here): not copied again.
      return column.d.length > cap ? null : { values: column.d, ids: column.i instanceof Int32Array ? column.i : Int32Array.from(column.i) }
    case 'obj':
      return objectIds(column, length, cap)
    default:
      return distinctIds(decodeColumn(column, length), cap, (value) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value))
  }
}

/**
 * `length` zeros, the ids of a column of one value: one array for every such column of a
 * batch (seven of a million rows each were 28 MB to allocate and clear), only ever read.
 */
function zerosOf(length: number): Int32Array {
  if (zeros.length !== length) zeros = new Int32Array(length)
  return zeros
}

let zeros = new Int32Array(0)

function distinctIds<K>(rows: readonly Json[], cap: number, keyOf: (value: Json, row: number) => K): { values: Json[]; ids: Int32Array } | null {
  const values: Json[] = []
  const index = new Map<K, number>()
  const ids = new Int32Array(rows.length)
  for (let row = 0; row < rows.length; row++) {
    const key = keyOf(rows[row], row)
    let id = index.get(key)
    if (id === undefined) {
      if (values.length === cap) return null
      index.set(key, (id = values.length))
      values.push(rows[row])
    }
    ids[row] = id
  }
  return { values, ids }
}

/** Objects alike by the ids of their keys' values, each built once, keys in the column's order (as decoding builds them). */
function objectIds(column: Extract<Column, { t: 'obj' }>, length: number, cap: number): { values: Json[]; ids: Int32Array } | null {
  // Objects of no key (a batch without tags): one value, {}.
  if (column.k.length === 0) return length === 0 ? { values: [], ids: zerosOf(0) } : cap < 1 ? null : { values: [{}], ids: zerosOf(length) }
  const children = column.c.map((child, k) => valueIds(child, length - column.absent[k].length)!)
  // Each row's value id plus one, one list a key (0 where the row lacks the key).
  const keyIds = children.map((child, k) => {
    const ids = new Int32Array(length)
    const absent = column.absent[k]
    for (let row = 0, next = 0, nextAbsent = 0; row < length; row++) {
      if (absent[nextAbsent] === row) nextAbsent++
      else ids[row] = child.ids[next++] + 1
    }
    return { size: child.values.length + 1, ids }
  })
  const distinct = rowLines(keyIds, [], length, cap)?.lines
  if (!distinct) return null
  const firstRows = new Int32Array(distinct.count)
  for (let row = length - 1; row >= 0; row--) firstRows[distinct.lineOf[row]] = row
  // fromEntries: a "__proto__" key is a key like any other.
  const values = [...firstRows].map((row) => Object.fromEntries(children.flatMap((child, k) => {
    const id = keyIds[k].ids[row] - 1
    return id < 0 ? [] : [[column.k[k], child.values[id]]]
  })))
  return { values, ids: Int32Array.from(distinct.lineOf) }
}

/** The distinct amounts of a cost column, each row's among them, and which are not 0. */
interface RowCosts {
  ids: ArrayLike<number>
  /** 1 for each amount that is not 0. */
  nonZero: Uint8Array
  /** The amounts as integers of one scale, when they fit (scaledAmounts). */
  scaled: ScaledAmounts | null
  /** The amounts as Decimals. */
  decimals: () => Decimal[]
}

/**
 * A cost column's amounts: a dictionary's values read once each (a million rows, 235,000
 * amounts); null when one is not a decimal (such a batch gets no summary).
 */
function rowCosts(column: Column, length: number): RowCosts | null {
  const texts = column.t === 'dict' ? column.d : decodeColumn(column, length)
  const scaled = scaledAmounts(texts)
  const parsed = scaled ? null : texts.map(decimalOrNull)
  if (parsed?.includes(null)) return null
  const decimals = parsed as Decimal[] | null
  const nonZero = new Uint8Array(texts.length)
  for (let id = 0; id < texts.length; id++) nonZero[id] = (scaled ? scaled.high[id] !== 0 || scaled.low[id] !== 0 : decimals![id].units !== 0n) ? 1 : 0
  // Amounts read scaled are decimals: parsed as such only when their sums outgrow doubles.
  return { ids: column.t === 'dict' ? column.i : rowNumbers(length), nonZero, scaled, decimals: () => decimals ?? texts.map((text) => parseDecimal(text as string)) }
}

function rowNumbers(length: number): Int32Array {
  const rows = new Int32Array(length)
  for (let row = 0; row < length; row++) rows[row] = row
  return rows
}

/**
 * Amounts as integers of one scale in two limbs of 15 digits (`high` × 10^15 + `low`, each
 * exact in a double, both of the amount's sign), with each amount's scale as written.
 */
interface ScaledAmounts {
  high: Float64Array
  low: Float64Array
  scales: Uint8Array
  /** The limbs' scale: the largest of the amounts' fractional digits but trailing zeros. */
  scale: number
}

const LIMB = 10 ** MOST_EXACT_DIGITS
const LIMB_UNITS = 10n ** BigInt(MOST_EXACT_DIGITS)
/** Past this many fractional digits as written, amounts are read as Decimals (scales are kept in bytes). */
const MOST_SCALE = 255

/**
 * The amounts as integers of one scale in two limbs (ScaledAmounts), when each is text
 * parseDecimal reads as it is (a sign, digits, a point, digits) and, at the largest scale
 * their fractions need without trailing zeros, has at most 30 digits: read without a BigInt
 * or an object each. OpenAI writes amounts with 30 fractional digits, most of them trailing
 * zeros, which as Decimals made their sums BigInt additions a row. Null otherwise: then they
 * are read as Decimals.
 */
function scaledAmounts(texts: readonly Json[]): ScaledAmounts | null {
  const scales = new Uint8Array(texts.length)
  const needed = new Uint8Array(texts.length)
  const read: PlainDecimal = { units: 0, scale: 0, digits: 0, from: 0 }
  let scale = 0
  for (let id = 0; id < texts.length; id++) {
    const text = texts[id]
    if (typeof text !== 'string' || !readPlainDecimal(text, read) || read.digits === 0 || read.scale > MOST_SCALE) return null
    scales[id] = read.scale
    needed[id] = read.scale - trailingZeros(text, read.scale)
    if (needed[id] > scale) scale = needed[id]
  }
  const high = new Float64Array(texts.length)
  const low = new Float64Array(texts.length)
  for (let id = 0; id < texts.length; id++) {
    if (!readLimbs(texts[id] as string, scales[id] - needed[id], scale - needed[id], high, low, id)) return null
  }
  return { high, low, scales, scale }
}

/** How many of a plain decimal's last `scale` characters (its fraction) are zeros at its end. */
function trailingZeros(text: string, scale: number): number {
  let zeros = 0
  while (zeros < scale && text.charCodeAt(text.length - 1 - zeros) === 0x30) zeros++
  return zeros
}

/**
 * Writes a plain decimal's digits, its last `dropped` (zeros) left off and `padding` zeros
 * added, into `high[id]` and `low[id]`; false when they would not fit 30 digits.
 */
function readLimbs(text: string, dropped: number, padding: number, high: Float64Array, low: Float64Array, id: number): boolean {
  const first = text.charCodeAt(0)
  const from = first === 0x2d || first === 0x2b ? 1 : 0
  const end = text.length - dropped
  let digits = padding
  for (let at = from; at < end; at++) if (text.charCodeAt(at) !== 0x2e) digits++
  // The digits before the last 15 go to the high limb.
  let upper = 0
  let lower = 0
  let index = 0
  for (let at = from; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code === 0x2e) continue
    if (index++ < digits - MOST_EXACT_DIGITS) upper = upper * 10 + (code - 0x30)
    else lower = lower * 10 + (code - 0x30)
  }
  for (let zero = 0; zero < padding; zero++) {
    if (index++ < digits - MOST_EXACT_DIGITS) upper *= 10
    else lower *= 10
  }
  // Past 15 digits of its own the high limb would not be exact: it is at least 10^15 then.
  if (upper >= LIMB) return false
  const sign = first === 0x2d ? -1 : 1
  high[id] = sign * upper
  low[id] = sign * lower
  return true
}

function decimalOrNull(text: unknown): Decimal | null {
  try {
    return typeof text === 'string' ? parseDecimal(text) : null
  } catch {
    return null
  }
}
