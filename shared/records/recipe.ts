import { z } from 'zod'

export const RecipeStatus = z.enum(['candidate', 'promoted', 'deprecated'])
export type RecipeStatus = z.infer<typeof RecipeStatus>

export const RecipeVersion = z.object({
  version: z.number().int().positive(),
  steps: z.array(z.string()),
  name: z.string(),
  at: z.string(),
  note: z.string(),
})

/** A named multi-step workflow in the team's catalog. Statistics are derived, never stored. */
export const Recipe = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  steps: z.array(z.string()).min(1),
  status: RecipeStatus,
  version: z.number().int().positive(),
  history: z.array(RecipeVersion),
  /** Most other steps allowed between two of its steps when matching runs (the maxGap it was mined with); absent: any, in order. */
  maxGap: z.number().int().nonnegative().optional(),
  provenance: z.looseObject({
    /** A sample of the runs it was mined from (capped to keep the governance document small)… */
    minedFromRuns: z.array(z.string()),
    /** …and how many there were in all. */
    minedFromRunCount: z.number().int().nonnegative().optional(),
    reviewId: z.string().nullable(),
    promotedAt: z.string().nullable(),
  }),
  /** Other recipe ids merged into this one. */
  mergedFrom: z.array(z.string()),
})
export type Recipe = z.infer<typeof Recipe>
