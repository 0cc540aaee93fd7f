import * as Y from 'yjs'
import { hexBytes } from '../hash/hexWords'
import { OutcomeLinkEdit, RepoAlias } from '../records/outcome'
import { EnvelopeMove, Portfolio, PortfolioChange } from '../records/portfolio'
import { Recipe } from '../records/recipe'
import { Review, type ActionItem, type PortfolioDecision, type RecipeDecision } from '../records/review'
import { ImportProfile } from '../records/settings'
import { AnnotationStore } from './annotations'
import { migrateGovernance, readSchemaVersion } from './migrations'
import { MIGRATION } from './origins'
import type { RecordProblem } from './problems'
import { RecordMap } from './recordMap'
import { SettingsStore } from './settings'

/**
 * The governance document: small, edited by people, named by the workspace id.
 * Portfolios, outcome notes, the recipe catalog, reviews, settings and import profiles,
 * corrections of outcome links and repository aliases.
 */
export class Governance {
  readonly portfolios: RecordMap<Portfolio>
  /** Every change to a portfolio's definition, with the period it takes effect from (see portfolioHistory.ts). */
  readonly portfolioChanges: RecordMap<PortfolioChange>
  readonly recipes: RecordMap<Recipe>
  readonly reviews: RecordMap<Review>
  readonly importProfiles: RecordMap<ImportProfile>
  readonly envelopeMoves: RecordMap<EnvelopeMove>
  /** People's corrections of derived run→outcome links (shared/analysis/outcomes/linkOutcomes.ts). */
  readonly outcomeLinkEdits: RecordMap<OutcomeLinkEdit>
  /** Names of one repository (Settings → Repositories). */
  readonly repoAliases: RecordMap<RepoAlias>
  readonly annotations: AnnotationStore
  readonly settings: SettingsStore

  constructor(readonly doc: Y.Doc) {
    this.portfolios = new RecordMap(doc, 'portfolios', Portfolio)
    this.portfolioChanges = new RecordMap(doc, 'portfolioChanges', PortfolioChange)
    this.recipes = new RecordMap(doc, 'recipes', Recipe)
    this.reviews = new RecordMap(doc, 'reviews', Review, {
      votes: { kind: 'object' },
      decisions: { kind: 'list', keyOf: (decision) => (decision as PortfolioDecision).portfolioId },
      recipeDecisions: { kind: 'list', keyOf: (decision) => (decision as RecipeDecision).candidateKey },
      moveOnRequests: { kind: 'list', keyOf: (participant) => String(participant) },
      actionItems: { kind: 'list', keyOf: (item) => (item as ActionItem).id },
    })
    this.importProfiles = new RecordMap(doc, 'importProfiles', ImportProfile)
    this.envelopeMoves = new RecordMap(doc, 'envelopeMoves', EnvelopeMove)
    this.outcomeLinkEdits = new RecordMap(doc, 'outcomeLinkEdits', OutcomeLinkEdit)
    this.repoAliases = new RecordMap(doc, 'repoAliases', RepoAlias)
    this.annotations = new AnnotationStore(doc)
    this.settings = new SettingsStore(doc)
  }

  /** Brings an older document up to the current schema; call once the local copy has loaded. */
  migrate(): { from: number; to: number } {
    return migrateGovernance(this.doc)
  }

  /**
   * Actor pseudonyms are salted per workspace: a new workspace gets its random salt once, in
   * the app and in a workspace file the CLI creates alike (an empty salt would make pseudonyms
   * the same in every team, and guessable).
   */
  ensurePseudonymSalt(): void {
    if (this.settings.read().settings.pseudonymSalt) return
    const bytes = crypto.getRandomValues(new Uint8Array(16))
    this.settings.set('pseudonymSalt', hexBytes(bytes), MIGRATION)
  }

  get schemaVersion(): number {
    return readSchemaVersion(this.doc)
  }

  /** Every invalid entry across the document, for the "some entries could not be read" notice. */
  problems(): RecordProblem[] {
    return [
      ...this.portfolios.list().problems,
      ...this.portfolioChanges.list().problems,
      ...this.recipes.list().problems,
      ...this.reviews.list().problems,
      ...this.importProfiles.list().problems,
      ...this.envelopeMoves.list().problems,
      ...this.outcomeLinkEdits.list().problems,
      ...this.repoAliases.list().problems,
      ...this.annotations.list().problems,
      ...this.settings.read().problems,
    ]
  }
}
