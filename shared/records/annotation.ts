import { z } from 'zod'

export const ValueCategory = z.enum(['unset', 'shipped-fix', 'prevented-incident', 'saved-time', 'learning', 'no-value'])
export type ValueCategory = z.infer<typeof ValueCategory>

export const EvidenceLink = z.object({ kind: z.enum(['pr', 'incident', 'link']), ref: z.string() })
export type EvidenceLink = z.infer<typeof EvidenceLink>

/**
 * Why a run (or a portfolio in a period) paid off. In the document the text is a Y.Text
 * so two people can type in the same note; this is its plain-JSON view.
 */
export const Annotation = z.looseObject({
  subject: z.string(),
  text: z.string(),
  valueCategory: ValueCategory,
  evidence: z.array(EvidenceLink),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Annotation = z.infer<typeof Annotation>
