import { describeVariant, type RecipeVariant } from '../../../shared/mining'
import { Money } from '../../components/Money'
import { plural } from '../../../shared/text/plural'

/** Variants shown before "and N more": the common forms of a workflow, not every one-off deviation. */
const SHOWN = 5

/** How the candidate's runs deviate from its recipe: each variant with its runs and its cost per run against the recipe's. */
export function CandidateVariants({ variants }: { variants: readonly RecipeVariant[] }) {
  if (variants.length === 0) return null
  return (
    <details className="catalog-variants" data-testid="candidate-variants">
      <summary>{plural(variants.length, 'variant')}</summary>
      <ul>
        {variants.slice(0, SHOWN).map((variant) => (
          <li key={variant.key}>
            {describeVariant(variant)}: {variant.support} runs, median <Money amount={variant.costUSD.median} currency="USD" /> per run (
            {variant.medianCostDifferenceUSD.startsWith('-') ? '' : '+'}
            <Money amount={variant.medianCostDifferenceUSD} currency="USD" /> against the recipe)
          </li>
        ))}
        {variants.length > SHOWN && <li className="muted">and {variants.length - SHOWN} more</li>}
      </ul>
    </details>
  )
}
