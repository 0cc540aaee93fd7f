import type { PortfolioOutcomes } from '../../../shared/analysis/outcomes/portfolioOutcomes'
import { Money, percent } from '../Money'
import { Sparkline } from './Sparkline'
import './OutcomeFigures.css'

/** Hours as people read a duration: "5 h", "3.5 days". */
export function duration(hours: number | null): string {
  if (hours === null) return '—'
  return hours < 48 ? `${Math.round(hours * 10) / 10} h` : `${Math.round((hours / 24) * 10) / 10} days`
}

function Usd({ amount }: { amount: string | null }) {
  return amount === null ? <>—</> : <Money amount={amount} currency="USD" />
}

/** "(Q2: 3)": the previous period's figure beside this one. */
function Before({ period, children }: { period: string; children: React.ReactNode }) {
  return (
    <span className="outcome-previous">
      {' '}
      ({period}: {children})
    </span>
  )
}

/** Whether a portfolio reached any outcome this period or the last (otherwise a card stays quiet about them). */
export function reachedOutcomes({ pullRequests, incidents, notes, previous }: PortfolioOutcomes): boolean {
  return pullRequests.runsLinked + incidents.worked + incidents.weaklyLinked + notes.notes + previous.pullRequests.runsLinked + previous.incidents.worked > 0
}

/** One line for a card or a scorecard: merged PRs and what each cost, incidents worked. */
export function OutcomeHeadline({ outcomes }: { outcomes: PortfolioOutcomes }) {
  const { pullRequests: pr, incidents, previous } = outcomes
  return (
    <p className="outcome-headline" data-testid="outcome-headline">
      <span>
        {pr.merged} merged PR{pr.merged === 1 ? '' : 's'}
        <Before period={previous.period}>{previous.pullRequests.merged}</Before>
      </span>
      {' · '}
      <span>
        cost per merged PR <Usd amount={pr.costPerMergedUSD.median} /> median
        <Before period={previous.period}>
          <Usd amount={previous.pullRequests.costPerMergedUSD.median} />
        </Before>
      </span>
      {' · '}
      <span>
        {incidents.worked} incident{incidents.worked === 1 ? '' : 's'} worked
        <Before period={previous.period}>{previous.incidents.worked}</Before>
      </span>
    </p>
  )
}

/** Every roll-up figure of a period beside the previous period's. */
export function OutcomeFigureList({ outcomes }: { outcomes: PortfolioOutcomes }) {
  const { pullRequests: pr, incidents, notes, previous } = outcomes
  const was = previous.period
  return (
    <dl className="figure-list outcome-figures">
      <div><dt>Runs linked to PRs</dt><dd data-testid="outcome-runs-linked">{pr.runsLinked} of {outcomes.runs}<Before period={was}>{previous.pullRequests.runsLinked}</Before></dd></div>
      <div><dt>PRs merged / open / closed unmerged</dt><dd data-testid="outcome-pr-states">{pr.merged} / {pr.open} / {pr.closedUnmerged}<Before period={was}>{previous.pullRequests.merged} / {previous.pullRequests.open} / {previous.pullRequests.closedUnmerged}</Before></dd></div>
      <div><dt>Cost per merged PR, median</dt><dd data-testid="cost-per-merged-pr"><Usd amount={pr.costPerMergedUSD.median} /><Before period={was}><Usd amount={previous.pullRequests.costPerMergedUSD.median} /></Before></dd></div>
      <div><dt>Cost per merged PR, p90</dt><dd data-testid="cost-per-merged-pr-p90"><Usd amount={pr.costPerMergedUSD.p90} /><Before period={was}><Usd amount={previous.pullRequests.costPerMergedUSD.p90} /></Before></dd></div>
      <div><dt>Cost of merged PRs, total</dt><dd><Usd amount={pr.costPerMergedUSD.total} /><Before period={was}><Usd amount={previous.pullRequests.costPerMergedUSD.total} /></Before></dd></div>
      <div><dt>Runs that reached a merged PR</dt><dd>{pr.mergedRunShare === null ? '—' : percent(pr.mergedRunShare)}<Before period={was}>{previous.pullRequests.mergedRunShare === null ? '—' : percent(previous.pullRequests.mergedRunShare)}</Before></dd></div>
      <div><dt>First run to merge, median</dt><dd>{duration(pr.firstRunToMergeHours)}<Before period={was}>{duration(previous.pullRequests.firstRunToMergeHours)}</Before></dd></div>
      <div><dt>PRs opened by bots (apart)</dt><dd>{pr.byBots}</dd></div>
      <div><dt>Incidents worked (weak links apart)</dt><dd data-testid="outcome-incidents">{incidents.worked} ({incidents.weaklyLinked})<Before period={was}>{previous.incidents.worked}</Before></dd></div>
      <div><dt>Time to resolve: worked vs the team&apos;s others</dt><dd>{duration(incidents.resolveHours.worked)} vs {duration(incidents.resolveHours.others)}</dd></div>
      <div><dt>Cost per incident</dt><dd><Usd amount={incidents.costPerIncidentUSD} /><Before period={was}><Usd amount={previous.incidents.costPerIncidentUSD} /></Before></dd></div>
      <div><dt>Notes (with evidence)</dt><dd>{notes.notes} ({notes.evidence})<Before period={was}>{previous.notes.notes}</Before></dd></div>
      {Object.entries(notes.valueCategories).map(([category, count]) => (
        <div key={category}><dt>Notes: {category}</dt><dd>{count}</dd></div>
      ))}
      {outcomes.metrics.map((metric) => (
        <div key={metric.metric}>
          <dt>{metric.metric} (total)</dt>
          <dd title={metric.points.map((point) => `${point.date}: ${point.value}`).join('\n')}>
            {metric.total}
            <Before period={was}>{metric.previousTotal ?? '—'}</Before>
            {metric.points.length > 1 && <Sparkline values={metric.points.map((point) => Number(point.value))} label={`${metric.metric} over ${outcomes.period}`} width={100} height={24} />}
          </dd>
        </div>
      ))}
    </dl>
  )
}
