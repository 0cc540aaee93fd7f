/**
 * CSVs of any other layout, through a column mapping the user confirms once and saves as
 * an import profile (shared with the team in the governance document). The UI builds its
 * mapping step on these pure functions: suggest a mapping from the header (and a few sample
 * rows for the date format), turn a profile into a format, preview with parseBillingFile.
 */
import type { ImportProfile, ImportTarget } from '../../records/settings'
import { formatDecimal, parseDecimal } from '../../money/decimal'
import { cell, columnKey, HeaderIndex } from '../csv/header'
import { DATE_FORMATS, parseInstant, type DateFormat } from './dates'
import { RowError, type BillingFormat } from './format'
import { amount, count, identityOf, instantReader, newCharge, orNull, quantityOf, tokensOf } from './rows'
import { granularityOf } from './dates'
import { parseTags } from './tags'

/** What a mapping can point a column at. `tag:<key>` keys map a column to one tag. */
export const MAPPING_TARGETS = [
  'date', 'endDate', 'amount', 'currency', 'model', 'service', 'account', 'workspace', 'project',
  'apiKey', 'costCenter', 'user', 'tags', 'quantity', 'unit', 'inputTokens', 'outputTokens',
  'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens', 'rowId',
] as const
export type MappingTarget = (typeof MAPPING_TARGETS)[number]
export const REQUIRED_TARGETS: readonly MappingTarget[] = ['date', 'amount']

const SYNONYMS: Record<MappingTarget, string[]> = {
  date: ['date', 'usage_date', 'usage_date_utc', 'start_time', 'start_date', 'period_start', 'timestamp', 'created_at', 'day', 'time', 'datum'],
  endDate: ['end_date', 'end_time', 'period_end', 'usage_end'],
  amount: ['cost', 'amount', 'cost_usd', 'total_cost', 'billed_cost', 'net_amount', 'charge', 'spend', 'price', 'total', 'betrag'],
  currency: ['currency', 'currency_code', 'billing_currency'],
  model: ['model', 'model_name', 'model_id', 'model_version'],
  service: ['service', 'service_name', 'product', 'sku', 'meter'],
  account: ['account', 'account_id', 'account_name', 'organization', 'org', 'subscription', 'billing_account'],
  workspace: ['workspace', 'workspace_name', 'workspace_id'],
  project: ['project', 'project_id', 'project_name', 'repository', 'repo'],
  apiKey: ['api_key', 'api_key_name', 'api_key_id', 'key', 'key_name'],
  costCenter: ['cost_center', 'cost_centre', 'cost_center_name', 'department'],
  user: ['user', 'username', 'user_email', 'email', 'user_id', 'owner'],
  tags: ['tags', 'labels'],
  quantity: ['quantity', 'usage_quantity', 'requests'],
  unit: ['unit', 'quantity_unit', 'unit_of_measure', 'unit_type'],
  inputTokens: ['input_tokens', 'prompt_tokens', 'tokens_in', 'input'],
  outputTokens: ['output_tokens', 'completion_tokens', 'tokens_out', 'output'],
  cacheReadTokens: ['cache_read_tokens', 'cached_tokens', 'cache_read', 'input_cached_tokens'],
  cacheWriteTokens: ['cache_write_tokens', 'cache_creation_tokens', 'cache_write'],
  reasoningTokens: ['reasoning_tokens', 'tokens_reasoning'],
  rowId: ['id', 'row_id', 'line_item_id', 'transaction_id', 'request_id', 'generation_id'],
}

// "Invoice Date", "Amount (EUR)".
const HINTS: Partial<Record<MappingTarget, RegExp>> = {
  date: /date|day|time|period/,
  amount: /cost|amount|price|spend|charge|total|betrag/,
  currency: /currency|waehrung/,
  model: /model/,
  user: /user|email|login/,
  project: /project|repo/,
  account: /account|organi[sz]ation|subscription/,
  workspace: /workspace/,
  apiKey: /apikey|keyname|keyid/,
  costCenter: /costcent/,
  tags: /tag|label/,
}

export interface MappingSuggestion<T extends string = MappingTarget> {
  mapping: Record<string, string>
  dateFormat: DateFormat
  /** Required targets no column was found for: the user must pick them. */
  missing: T[]
}

/** What one kind of mapping points columns at, and the loose column names that usually mean each. */
export interface MappingTargets<T extends string> {
  targets: readonly T[]
  required: readonly T[]
  /** Loose column names (see columnKey) that usually mean each target, best first. */
  synonyms: Record<T, string[]>
  /** Second pass, for columns no synonym named exactly: a word in the loose name. */
  hints: Partial<Record<T, RegExp>>
  /** The target whose sample cells tell the date format. */
  dateTarget: T
}

const BILLING_TARGETS: MappingTargets<MappingTarget> = { targets: MAPPING_TARGETS, required: REQUIRED_TARGETS, synonyms: SYNONYMS, hints: HINTS, dateTarget: 'date' }

/** Proposes a billing mapping from the header names, and the date format from sample rows. */
export function suggestMapping(headerFields: readonly string[], sampleRows: readonly (readonly string[])[] = []): MappingSuggestion {
  return suggestColumns(BILLING_TARGETS, headerFields, sampleRows)
}

/** Proposes a mapping to `kind`'s targets from the header names, and the date format from sample rows. */
export function suggestColumns<T extends string>(kind: MappingTargets<T>, headerFields: readonly string[], sampleRows: readonly (readonly string[])[] = []): MappingSuggestion<T> {
  const header = new HeaderIndex(headerFields)
  const used = new Set<number>()
  const mapping: Record<string, string> = {}
  const take = (target: T, index: number | undefined) => {
    if (index === undefined || index < 0 || mapping[target]) return
    used.add(index)
    mapping[target] = header.names[index]
  }
  for (const target of kind.targets) {
    take(target, kind.synonyms[target].map((name) => header.find(name)).find((found) => found >= 0 && !used.has(found)))
  }
  for (const [target, hint] of Object.entries(kind.hints) as [T, RegExp][]) {
    take(target, header.names.findIndex((name, index) => !used.has(index) && hint.test(columnKey(name))))
  }
  const dateIndex = mapping[kind.dateTarget] ? header.find(mapping[kind.dateTarget]) : -1
  const dateSamples = sampleRows.map((row) => cell(row, dateIndex)).filter((text) => text !== '')
  return {
    mapping,
    dateFormat: guessDateFormat(dateSamples),
    missing: kind.required.filter((target) => !mapping[target]),
  }
}

/**
 * The first format that reads every sample; a day above 12 settles MM/DD against DD/MM.
 * Falls back to ISO when there are no samples.
 */
export function guessDateFormat(samples: readonly string[]): DateFormat {
  const fits = DATE_FORMATS.filter((format) => samples.length > 0 && samples.every((text) => parseInstant(text, format) !== null))
  const plausible = fits.filter((format) => !format.startsWith('unix') || samples.every((text) => /^\d{9,13}(\.\d+)?$/.test(text.trim())))
  return plausible[0] ?? 'iso'
}

/** A new profile for `headerFields`, recognised later by its header signature. */
export function createImportProfile(input: {
  id: string
  name: string
  headerFields: readonly string[]
  mapping: Record<string, string>
  dateFormat: DateFormat
  provider: string
  defaultCurrency: string
  amountUnit?: 'units' | 'cents'
  /** Billing unless said: what the file's rows are. */
  target?: ImportTarget
  createdAt: string
}): ImportProfile {
  const { headerFields, ...rest } = input
  return { ...rest, headerSignature: new HeaderIndex(headerFields).signature() }
}

/** What a profile's rows are: profiles saved before incident mappings existed are billing profiles. */
export function profileTarget(profile: ImportProfile): ImportTarget {
  return profile.target ?? 'billing'
}

/** Checks a billing mapping against a header before it is used; returns what is wrong, or []. */
export function validateMapping(profile: ImportProfile, headerFields: readonly string[]): string[] {
  return mappingProblems(BILLING_TARGETS, profile, headerFields, (target) => target.startsWith('tag:'))
}

/** What is wrong with a mapping to `kind`'s targets for this header, or []. */
export function mappingProblems<T extends string>(kind: MappingTargets<T>, profile: ImportProfile, headerFields: readonly string[], alsoAllowed: (target: string) => boolean = () => false): string[] {
  const header = new HeaderIndex(headerFields)
  const problems: string[] = []
  for (const target of kind.required) if (!profile.mapping[target]) problems.push(`no column is mapped to ${target}`)
  for (const [target, column] of Object.entries(profile.mapping)) {
    if (!kind.targets.includes(target as T) && !alsoAllowed(target)) problems.push(`unknown mapping target "${target}"`)
    if (!header.has(column)) problems.push(`column "${column}" (for ${target}) is not in the file`)
  }
  if (!DATE_FORMATS.includes(profile.dateFormat as DateFormat)) problems.push(`unknown date format "${profile.dateFormat}"`)
  return problems
}

/** The import profile as a billing format: rows are read through its mapping. */
export function profileFormat(profile: ImportProfile): BillingFormat {
  const id = `custom:${profile.id}`
  return {
    id,
    label: profile.name,
    signature: REQUIRED_TARGETS.map((target) => [profile.mapping[target] ?? target]),
    bind(header, context) {
      const problems = validateMapping(profile, header.names)
      if (problems.length > 0) throw new RowError(`import profile "${profile.name}": ${problems.join('; ')}`)
      const column = (target: string) => (profile.mapping[target] ? header.find(profile.mapping[target]) : -1)
      const col = Object.fromEntries(MAPPING_TARGETS.map((target) => [target, column(target)])) as Record<MappingTarget, number>
      const tagColumns = Object.keys(profile.mapping)
        .filter((target) => target.startsWith('tag:'))
        .map((target) => ({ key: target.slice(4), index: column(target) }))
      const dateFormat = profile.dateFormat as DateFormat
      const startReader = instantReader(profile.mapping.date, dateFormat)
      const endReader = instantReader(profile.mapping.endDate ?? 'endDate', dateFormat)
      const inCents = profile.amountUnit === 'cents'
      const defaultCurrency = profile.defaultCurrency
      // Identity: the row id when mapped, else every mapped column's value (people as pseudonyms).
      const keyColumns = col.rowId >= 0 ? [col.rowId] : Object.values(profile.mapping).map((name) => header.find(name)).filter((index) => index !== col.user)
      let badTags = 0
      return (fields, line) => {
        const charge = newCharge(id, profile.provider || 'other', context.file, line)
        const endText = cell(fields, col.endDate)
        charge.start = startReader(cell(fields, col.date))
        charge.end = endText ? endReader(endText) : null
        charge.granularity = granularityOf(charge.start, charge.end)
        const value = amount(cell(fields, col.amount), profile.mapping.amount)
        charge.cost = inCents ? centsToUnits(value) : value
        if (charge.cost.startsWith('-')) charge.chargeType = 'credit'
        charge.currency = (cell(fields, col.currency) || defaultCurrency).toUpperCase()
        charge.model = orNull(cell(fields, col.model))
        charge.service = orNull(cell(fields, col.service))
        charge.account = orNull(cell(fields, col.account))
        charge.workspace = orNull(cell(fields, col.workspace))
        charge.project = orNull(cell(fields, col.project))
        charge.apiKey = orNull(cell(fields, col.apiKey))
        charge.costCenter = orNull(cell(fields, col.costCenter))
        charge.user = context.actor(cell(fields, col.user))
        charge.quantity = quantityOf(cell(fields, col.quantity), cell(fields, col.unit), 'quantity')
        charge.tokens = tokensOf({
          input: count(cell(fields, col.inputTokens), 'input tokens'),
          output: count(cell(fields, col.outputTokens), 'output tokens'),
          cacheRead: count(cell(fields, col.cacheReadTokens), 'cache read tokens'),
          cacheWrite5m: count(cell(fields, col.cacheWriteTokens), 'cache write tokens'),
          reasoning: count(cell(fields, col.reasoningTokens), 'reasoning tokens'),
        })
        const tagText = cell(fields, col.tags)
        const tags = tagText ? parseTags(tagText) : {}
        if (tags === null) {
          if (badTags++ === 0) context.warn(line, `tags "${tagText.slice(0, 60)}" are not a tag list; tags left out`)
        } else {
          Object.assign(charge.tags, tags)
        }
        for (const { key, index } of tagColumns) {
          const tagValue = cell(fields, index)
          if (tagValue) charge.tags[key] = tagValue
        }
        charge.identity = identityOf([...keyColumns.map((index) => cell(fields, index)), col.rowId >= 0 ? '' : (charge.user ?? '')])
        return charge
      }
    },
  }
}

/** "123.45" cents → "1.2345": a shift of the decimal point, exact. */
function centsToUnits(value: string): string {
  const cents = parseDecimal(value)
  return formatDecimal({ units: cents.units, scale: cents.scale + 2 })
}
