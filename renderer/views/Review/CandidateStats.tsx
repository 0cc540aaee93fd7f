import type { CandidateFigures } from '../../../shared/review'
import { Money } from '../../components/Money'

/** A stage-4 candidate's figures in one line: on the stage, and as a closed review kept them. */
export function CandidateStats({ candidate, names }: { candidate: CandidateFigures; names: Record<string, string> }) {
  return (
    <p className="review-candidate-stats">
      {candidate.support} runs ({Math.round(candidate.supportShare * 100)}%) · cost per run median <Money amount={candidate.costUSD.median} currency="USD" />, p90{' '}
      <Money amount={candidate.costUSD.p90} currency="USD" /> · total <Money amount={candidate.costUSD.total} currency="USD" /> · {candidate.annotatedRuns} with an outcome note ·
      in {candidate.portfolios.map((p) => `${p.portfolioId ? (names[p.portfolioId] ?? p.portfolioId) : 'Unassigned'} (${p.runs})`).join(', ')}
      {candidate.variants > 1 && ` · ${candidate.variants} variants`}
    </p>
  )
}
