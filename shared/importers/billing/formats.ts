import { anthropicConsoleCost } from './anthropicConsoleCost'
import { anthropicConsoleUsage } from './anthropicConsoleUsage'
import { awsCur } from './awsCur'
import { azureCostDetails } from './azureCostDetails'
import { cursorUsageEvents } from './cursorUsageEvents'
import { focus } from './focus'
import type { BillingFormat } from './format'
import { githubCopilotAiUsage, githubCopilotPremiumRequests, githubMeteredUsage } from './githubBillingReport'
import { githubPremiumRequestsLegacy } from './githubPremiumRequestsLegacy'
import { openaiCost } from './openaiCost'
import { openrouterDaily, openrouterGenerations } from './openrouterActivity'

/** Every built-in billing export layout. */
export const BILLING_FORMATS: readonly BillingFormat[] = [
  anthropicConsoleCost,
  anthropicConsoleUsage,
  openaiCost,
  githubCopilotAiUsage,
  githubCopilotPremiumRequests,
  githubMeteredUsage,
  githubPremiumRequestsLegacy,
  cursorUsageEvents,
  awsCur,
  azureCostDetails,
  openrouterGenerations,
  openrouterDaily,
  focus,
]
