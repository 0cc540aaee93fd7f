import { decimalToNumber, parseDecimal } from '../../../shared/money/decimal'
import { formatMoney } from '../../../shared/money/format'
import type { VotingStage } from '../../../shared/records/review'
import { REVIEW_STAGE_TITLES, type ScorecardSummary } from '../../../shared/review'

const WIDTH = 640
const ROW = 34
const LABEL = 180

/** Spend against envelope per portfolio, in each envelope's currency: SVG, so it prints crisply. */
export function SpendChart({ scorecards }: { scorecards: readonly ScorecardSummary[] }) {
  const rows = scorecards.map((card) => {
    const [currency, envelope] = Object.entries(card.envelope)[0] ?? ['USD', '0']
    const spent = card.spent[currency] ?? '0'
    return { name: card.name, currency, spent: decimalToNumber(parseDecimal(spent)), envelope: decimalToNumber(parseDecimal(envelope)), spentText: spent, envelopeText: envelope }
  })
  if (rows.length === 0) return null
  const max = Math.max(...rows.map((row) => Math.max(row.spent, row.envelope)), 1)
  const scale = (value: number) => ((WIDTH - LABEL - 150) * value) / max
  const height = rows.length * ROW + 8
  return (
    <figure className="report-chart">
      <svg role="img" aria-labelledby="spend-chart-title" width={WIDTH} height={height} className="report-svg" viewBox={`0 0 ${WIDTH} ${height}`} data-testid="spend-chart">
        <title id="spend-chart-title">Spend against envelope per portfolio</title>
        {rows.map((row, i) => {
          const y = i * ROW + 6
          const over = row.envelope > 0 && row.spent > row.envelope
          return (
            <g key={row.name + i}>
              <text x={0} y={y + 15} fontSize="12">{row.name.length > 26 ? row.name.slice(0, 25) + '…' : row.name}</text>
              <rect x={LABEL} y={y + 2} width={Math.max(scale(row.envelope), 1)} height={18} fill="#e7ebf3" stroke="#aab2c0" />
              <rect x={LABEL} y={y + 6} width={scale(row.spent)} height={10} fill={over ? '#c0392b' : '#2f5bd3'} />
              <text x={LABEL + Math.max(scale(row.envelope), scale(row.spent)) + 6} y={y + 15} fontSize="11" fill="#4a5366">
                {formatMoney(row.spentText, row.currency)} of {formatMoney(row.envelopeText, row.currency)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>Bars: spend in the period; frames: the envelope.</figcaption>
    </figure>
  )
}

/** Votes per subject at one voting stage, most first. */
export function VotesChart({ stage, tally, names }: { stage: VotingStage; tally: readonly [string, number][]; names: Record<string, string> }) {
  if (tally.length === 0) return null
  const max = Math.max(...tally.map(([, votes]) => votes))
  const height = tally.length * 24 + 4
  return (
    <figure className="report-chart">
      <svg role="img" aria-labelledby={`votes-chart-title-${stage}`} width={WIDTH} height={height} className="report-svg" viewBox={`0 0 ${WIDTH} ${height}`} data-testid={`votes-chart-${stage}`}>
        <title id={`votes-chart-title-${stage}`}>Votes for what matters most at {REVIEW_STAGE_TITLES[stage]}</title>
        {tally.map(([subject, votes], i) => {
          const name = names[subject] ?? subject.split('>').map(decodeURIComponent).join(' → ')
          const width = ((WIDTH - LABEL - 60) * votes) / max
          return (
            <g key={subject}>
              <text x={0} y={i * 24 + 16} fontSize="12">{name.length > 28 ? name.slice(0, 27) + '…' : name}</text>
              <rect x={LABEL} y={i * 24 + 5} width={width} height={14} fill="#15803d" />
              <text x={LABEL + width + 6} y={i * 24 + 16} fontSize="11">{votes}</text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
