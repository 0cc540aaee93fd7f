import { cell, type HeaderIndex } from '../csv/header'
import type { BillingFormat, RowContext, RowParser } from './format'
import { amount, count, dayReader, newCharge, optionalAmount, orNull, quantityOf, tokensOf } from './rows'

/**
 * GitHub billing reports that share the `date, …, net_amount` layout: the Copilot AI usage
 * report (17 and 21 columns), the Oct 2025–May 2026 premium-request report and the detailed
 * metered-usage report. `net_amount` (gross − the part covered by the included quota) is
 * what was billed; gross is kept as listCost.
 */
function bindReport(format: string, provider: string) {
  return (header: HeaderIndex, context: RowContext): RowParser => {
    const col = {
      date: header.find('date'),
      username: header.find('username'),
      product: header.find('product'),
      sku: header.find('sku'),
      model: header.find('model'),
      quantity: header.find('quantity'),
      unit: header.find('unit_type'),
      gross: header.find('gross_amount'),
      net: header.find('net_amount'),
      exceedsQuota: header.find('exceeds_quota'),
      organization: header.find('organization'),
      repository: header.find('repository'),
      workflowPath: header.find('workflow_path'),
      costCenter: header.find('cost_center_name'),
      input: header.find('input'),
      output: header.find('output'),
      cacheRead: header.find('cache_read'),
      cacheWrite: header.find('cache_write'),
    }
    const day = dayReader('date')
    return (fields, line) => {
      const charge = newCharge(format, provider, context.file, line)
      const { start, end } = day(cell(fields, col.date))
      const username = cell(fields, col.username)
      const product = cell(fields, col.product)
      const sku = cell(fields, col.sku)
      const model = cell(fields, col.model)
      const unit = cell(fields, col.unit)
      const organization = cell(fields, col.organization)
      const repository = cell(fields, col.repository)
      const workflowPath = cell(fields, col.workflowPath)
      const costCenter = cell(fields, col.costCenter)
      charge.start = start
      charge.end = end
      charge.model = orNull(model)
      charge.service = orNull(sku || product)
      charge.user = context.actor(username)
      charge.account = orNull(organization)
      charge.project = orNull(repository)
      charge.costCenter = orNull(costCenter)
      charge.quantity = quantityOf(cell(fields, col.quantity), unit, 'quantity')
      charge.cost = amount(cell(fields, col.net), 'net_amount')
      charge.listCost = optionalAmount(cell(fields, col.gross), 'gross_amount') ?? undefined
      if (charge.cost.startsWith('-')) charge.chargeType = 'credit'
      // The cache-write lifetime is not stated; 5 minutes is the providers' default.
      charge.tokens = tokensOf({
        input: count(cell(fields, col.input), 'input'),
        output: count(cell(fields, col.output), 'output'),
        cacheRead: count(cell(fields, col.cacheRead), 'cache_read'),
        cacheWrite5m: count(cell(fields, col.cacheWrite), 'cache_write'),
      })
      const exceeds = cell(fields, col.exceedsQuota)
      if (exceeds) charge.tags.exceeds_quota = exceeds.toLowerCase()
      if (workflowPath) charge.tags.workflow_path = workflowPath
      if (product) charge.tags.product = product
      // The same day × user × model appears once per SKU: the SKU is part of the key.
      charge.identity = `${start}\u001f${charge.user ?? ''}\u001f${product}\u001f${sku}\u001f${model}\u001f${unit}\u001f${organization}\u001f${repository}\u001f${workflowPath}\u001f${costCenter}`
      return charge
    }
  }
}

export const githubCopilotAiUsage: BillingFormat = {
  id: 'github-copilot-ai-usage',
  label: 'GitHub Copilot AI usage report',
  signature: [['date'], ['username'], ['model'], ['net_amount']],
  excludes: ['exceeds_quota'],
  bind: bindReport('github-copilot-ai-usage', 'github-copilot'),
}

export const githubCopilotPremiumRequests: BillingFormat = {
  id: 'github-copilot-premium-requests',
  label: 'GitHub Copilot premium request report (Oct 2025 – May 2026)',
  signature: [['date'], ['username'], ['model'], ['net_amount'], ['exceeds_quota']],
  bind: bindReport('github-copilot-premium-requests', 'github-copilot'),
}

export const githubMeteredUsage: BillingFormat = {
  id: 'github-metered-usage',
  label: 'GitHub detailed metered usage report',
  signature: [['date'], ['product'], ['sku'], ['net_amount']],
  excludes: ['model'],
  bind: bindReport('github-metered-usage', 'github'),
}
