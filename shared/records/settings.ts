import { z } from 'zod'
import { CurrencyCode, DecimalString } from './common'

/** "Bash command matching /pytest/ → test": step labelling is data the team can edit. */
export const StepRule = z.looseObject({
  /** Tool names the rule applies to ("Bash", "exec_command", "*"). */
  tools: z.array(z.string()),
  /** Regular expression over the command or path; empty matches any input. */
  pattern: z.string(),
  /** What the pattern reads: a shell command, a file path, or nothing (tool name only). */
  on: z.enum(['command', 'path', 'tool']),
  label: z.string(),
})
export type StepRule = z.infer<typeof StepRule>

export const Settings = z.looseObject({
  currency: CurrencyCode,
  /** Month (1-12) the fiscal year starts; quarters follow from it. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  /** Off by default: actors are salted pseudonyms. */
  attribution: z.boolean(),
  pseudonymSalt: z.string(),
  highCostThresholdUSD: DecimalString,
  /**
   * What makes a run high-cost: each portfolio's top 5% (the default, also when absent: documents
   * written before this field) or more than highCostThresholdUSD for every portfolio.
   */
  highCostRule: z.enum(['top-5%', 'fixed']).optional(),
  /** A LiteLLM-format table (model → fields) used instead of the bundled one, or null. */
  pricingTable: z.record(z.string(), z.unknown()).nullable(),
  pricingOverrides: z.record(z.string(), z.record(z.string(), z.number())),
  stepRules: z.array(StepRule).nullable(),
})
export type Settings = z.infer<typeof Settings>

/** What the rows of a mapped CSV are: charges (a bill) or incidents. */
export const ImportTarget = z.enum(['billing', 'incidents'])
export type ImportTarget = z.infer<typeof ImportTarget>

/** A saved column mapping for CSVs of an unknown layout, shared by the team. */
export const ImportProfile = z.looseObject({
  /** Absent in profiles saved before incident mappings existed: those are billing profiles. */
  target: ImportTarget.optional(),
  id: z.string(),
  name: z.string(),
  headerSignature: z.string(),
  mapping: z.record(z.string(), z.string()),
  dateFormat: z.string(),
  provider: z.string(),
  defaultCurrency: CurrencyCode,
  /** Whether the amount column counts cents (some APIs' CSVs) rather than whole units. Optional: added with the importers. */
  amountUnit: z.enum(['units', 'cents']).optional(),
  createdAt: z.string(),
})
export type ImportProfile = z.infer<typeof ImportProfile>
