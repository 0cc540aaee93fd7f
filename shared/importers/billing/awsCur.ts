import { cell } from '../csv/header'
import type { BillingFormat } from './format'
import { amount, chargeTypeOf, instantReader, newCharge, optionalAmount, orNull, quantityOf, tokensOf } from './rows'
import { granularityOf } from './dates'
import { parseTags } from './tags'

/**
 * AWS Cost and Usage Report 2.0 (Data Exports) and legacy CUR (`lineItem/…` columns are
 * matched by the same loose names). Every row imports: Bedrock rows get a model and token
 * counts parsed from the usage type, other services keep their product code as service.
 * Credits, refunds and taxes are negative or separate line item types and are kept.
 */
export const awsCur: BillingFormat = {
  id: 'aws-cur',
  label: 'AWS Cost and Usage Report',
  signature: [['line_item_usage_start_date'], ['line_item_unblended_cost', 'line_item_net_unblended_cost']],
  bind(header, context) {
    const col = {
      id: header.find('identity_line_item_id'),
      interval: header.find('identity_time_interval'),
      start: header.find('line_item_usage_start_date'),
      end: header.find('line_item_usage_end_date'),
      account: header.find('line_item_usage_account_name', 'line_item_usage_account_id'),
      accountId: header.find('line_item_usage_account_id'),
      type: header.find('line_item_line_item_type'),
      productCode: header.find('line_item_product_code'),
      usageType: header.find('line_item_usage_type'),
      operation: header.find('line_item_operation'),
      resource: header.find('line_item_resource_id'),
      usageAmount: header.find('line_item_usage_amount'),
      currency: header.find('line_item_currency_code'),
      netCost: header.find('line_item_net_unblended_cost'),
      cost: header.find('line_item_unblended_cost'),
      description: header.find('line_item_line_item_description'),
      principal: header.find('line_item_iam_principal'),
      productName: header.find('product_product_name'),
      product: header.find('product'),
      pricingUnit: header.find('pricing_unit'),
      publicCost: header.find('pricing_public_on_demand_cost'),
      tags: header.find('resource_tags'),
    }
    // Legacy CUR: one column per tag, `resourceTags/user:team`.
    const tagColumns = header.matching((name) => /^resourcetags\//i.test(name)).map(({ name, index }) => ({ key: name.slice(name.indexOf('/') + 1), index }))
    const startReader = instantReader('line_item_usage_start_date')
    const endReader = instantReader('line_item_usage_end_date')
    let badTags = 0
    return (fields, line) => {
      const charge = newCharge(this.id, 'aws', context.file, line)
      const netText = cell(fields, col.netCost)
      const usageType = cell(fields, col.usageType)
      const productCode = cell(fields, col.productCode)
      const lineItemType = cell(fields, col.type)
      const endText = cell(fields, col.end)
      charge.start = startReader(cell(fields, col.start))
      charge.end = endText ? endReader(endText) : null
      charge.granularity = granularityOf(charge.start, charge.end)
      charge.cost = netText ? amount(netText, 'line_item_net_unblended_cost') : amount(cell(fields, col.cost), 'line_item_unblended_cost')
      charge.listCost = optionalAmount(cell(fields, col.publicCost), 'pricing_public_on_demand_cost') ?? undefined
      charge.currency = cell(fields, col.currency).toUpperCase() || 'USD'
      charge.chargeType = chargeTypeOf(lineItemType, charge.cost)
      charge.service = orNull(productCode)
      charge.account = orNull(cell(fields, col.account))
      charge.project = orNull(cell(fields, col.resource))
      charge.user = context.actor(cell(fields, col.principal))
      const unit = cell(fields, col.pricingUnit)
      charge.quantity = quantityOf(cell(fields, col.usageAmount), unit, 'line_item_usage_amount')
      const productName = productNameOf(fields, col.productName, col.product)
      const bedrock = parseBedrockUsageType(usageType)
      // Marketplace models (legacy form) only say "Bedrock" in the product name.
      const marketplace = bedrock ? null : parseMarketplaceUsageType(usageType)
      if (bedrock || /bedrock/i.test(productCode) || /bedrock/i.test(productName)) {
        const tokenKind = bedrock?.tokenKind ?? marketplace?.tokenKind
        charge.provider = 'aws-bedrock'
        charge.model = bedrock?.model ?? orNull(productName)
        charge.tokenType = bedrock?.tokenType ?? marketplace?.tokenType ?? null
        if (tokenKind && charge.quantity) charge.tokens = tokensOf({ [tokenKind]: tokensIn(charge.quantity.value, unit) })
      }
      if (usageType) charge.tags.usage_type = usageType
      const tagText = cell(fields, col.tags)
      const tags = tagText ? parseTags(tagText) : {}
      if (tags === null) {
        if (badTags++ === 0) context.warn(line, `resource_tags "${tagText.slice(0, 60)}" is not a tag list; tags left out`)
      } else {
        Object.assign(charge.tags, tags)
      }
      for (const { key, index } of tagColumns) {
        const value = cell(fields, index)
        if (value) charge.tags[key] = value
      }
      // AWS's own key for a line item; the dimensions stand in when the export left it out.
      const id = cell(fields, col.id)
      charge.identity = id
        ? `${id}\u001f${cell(fields, col.interval) || charge.start}`
        : `${charge.start}\u001f${endText}\u001f${cell(fields, col.accountId)}\u001f${lineItemType}\u001f${productCode}\u001f${usageType}\u001f${cell(fields, col.operation)}\u001f${cell(fields, col.resource)}\u001f${cell(fields, col.description)}`
      return charge
    }
  },
}

type TokenKind = 'input' | 'output' | 'cacheRead' | 'cacheWrite5m'

/**
 * "USE1-Claude4.6Sonnet-cache-read-input-token-count" → model "Claude4.6Sonnet", kind cache
 * read. Region prefix and tier suffixes (-flex, -batch, -cross-region-global, mantle) dropped.
 */
function parseBedrockUsageType(usageType: string): { model: string; tokenType: string; tokenKind: TokenKind } | null {
  const m = /^(?:[A-Z]{2,4}\d?-)?(.+?)-(?:mantle-)?(input-tokens?|output-tokens?|cache-read-input-token-count|cache-write-input-token-count)(?:-.*)?$/i.exec(usageType)
  if (!m) return null
  const tokenType = m[2].toLowerCase()
  const tokenKind: TokenKind = tokenType.startsWith('cache-read') ? 'cacheRead' : tokenType.startsWith('cache-write') ? 'cacheWrite5m' : tokenType.startsWith('output') ? 'output' : 'input'
  return { model: m[1], tokenType, tokenKind }
}

/** "USE1-MP:USE1_InputTokenCount-Units" of product "Claude Sonnet 4.5 (Amazon Bedrock Edition)". */
function parseMarketplaceUsageType(usageType: string): { tokenType: string; tokenKind: TokenKind } | null {
  const m = /(Input|Output|CacheRead|CacheWrite)TokenCount/i.exec(usageType)
  if (!m) return null
  const word = m[1].toLowerCase()
  const tokenKind: TokenKind = word === 'cacheread' ? 'cacheRead' : word === 'cachewrite' ? 'cacheWrite5m' : word === 'output' ? 'output' : 'input'
  return { tokenType: m[0], tokenKind }
}

/** Usage amounts are in the pricing unit ("1K tokens", "Million … Tokens"), not tokens. */
function tokensIn(quantity: string, unit: string): number {
  const value = Number(quantity)
  const factor = /million/i.test(unit) ? 1_000_000 : /\b1K\b|thousand/i.test(unit) ? 1000 : 1
  return Math.max(0, Math.round(value * factor))
}

/** Legacy/Marketplace rows name the model only in the product name (`product['product_name']` in CUR 2.0). */
function productNameOf(fields: string[], nameColumn: number, productColumn: number): string {
  const name = cell(fields, nameColumn)
  if (name) return name
  const product = parseTags(cell(fields, productColumn))
  return product?.product_name ?? ''
}
