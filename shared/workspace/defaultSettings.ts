import type { Settings } from '../records/settings'

/**
 * What a new workspace starts with, and what an import without a workspace uses. Apart
 * from settings.ts so that reading it loads neither zod nor Yjs (the command line's
 * `import` without --workspace starts faster without them).
 */
export const DEFAULT_SETTINGS: Settings = {
  currency: 'USD',
  fiscalYearStartMonth: 1,
  attribution: false,
  pseudonymSalt: '',
  highCostThresholdUSD: '5',
  pricingTable: null,
  pricingOverrides: {},
  stepRules: null,
}
