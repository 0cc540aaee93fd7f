import { cell } from '../csv/header'
import type { BillingFormat } from './format'
import { amount, chargeTypeOf, instantReader, newCharge, optionalAmount, orNull, quantityOf } from './rows'
import { granularityOf } from './dates'
import { parseTags } from './tags'

/**
 * FinOps FOCUS 1.x (1.0–1.3 column names). `BilledCost` in `BillingCurrency` is what was
 * invoiced; `ListCost` is kept as listCost and `EffectiveCost` as a tag (amortized view,
 * not money to add). `Tags` is a JSON object; provider-specific `x_` columns become tags.
 */
export const focus: BillingFormat = {
  id: 'focus',
  label: 'FOCUS 1.x cost and usage',
  signature: [['BilledCost'], ['ChargePeriodStart'], ['BillingCurrency']],
  bind(header, context) {
    const col = {
      billed: header.find('BilledCost'),
      effective: header.find('EffectiveCost'),
      list: header.find('ListCost'),
      currency: header.find('BillingCurrency'),
      start: header.find('ChargePeriodStart'),
      end: header.find('ChargePeriodEnd'),
      provider: header.find('ServiceProviderName', 'ProviderName', 'PublisherName'),
      service: header.find('ServiceName'),
      category: header.find('ChargeCategory'),
      chargeClass: header.find('ChargeClass'),
      description: header.find('ChargeDescription'),
      billingAccount: header.find('BillingAccountName', 'BillingAccountId'),
      billingAccountId: header.find('BillingAccountId'),
      subAccount: header.find('SubAccountName', 'SubAccountId'),
      subAccountId: header.find('SubAccountId'),
      resource: header.find('ResourceName', 'ResourceId'),
      resourceId: header.find('ResourceId'),
      sku: header.find('SkuId'),
      skuPrice: header.find('SkuPriceId'),
      quantity: header.find('ConsumedQuantity'),
      unit: header.find('ConsumedUnit'),
      tags: header.find('Tags'),
    }
    const extensions = header.matching((name) => /^x_/i.test(name))
    const model = extensions.find(({ name }) => /^x_(model|modelname|modelid)$/i.test(name))?.index ?? -1
    const startReader = instantReader('ChargePeriodStart')
    const endReader = instantReader('ChargePeriodEnd')
    let badTags = 0
    return (fields, line) => {
      const providerName = cell(fields, col.provider)
      const charge = newCharge(this.id, providerName.toLowerCase() || 'focus', context.file, line)
      const endText = cell(fields, col.end)
      const category = cell(fields, col.category)
      const chargeClass = cell(fields, col.chargeClass)
      const tagText = cell(fields, col.tags)
      charge.start = startReader(cell(fields, col.start))
      charge.end = endText ? endReader(endText) : null
      charge.granularity = granularityOf(charge.start, charge.end)
      charge.cost = amount(cell(fields, col.billed), 'BilledCost')
      charge.listCost = optionalAmount(cell(fields, col.list), 'ListCost') ?? undefined
      charge.currency = cell(fields, col.currency).toUpperCase() || 'USD'
      charge.chargeType = chargeClass.toLowerCase() === 'correction' && charge.cost.startsWith('-') ? 'refund' : chargeTypeOf(category, charge.cost)
      charge.service = orNull(cell(fields, col.service))
      charge.model = orNull(cell(fields, model))
      charge.account = orNull(cell(fields, col.subAccount) || cell(fields, col.billingAccount))
      charge.workspace = orNull(cell(fields, col.resource))
      charge.quantity = quantityOf(cell(fields, col.quantity), cell(fields, col.unit), 'ConsumedQuantity')
      const effective = optionalAmount(cell(fields, col.effective), 'EffectiveCost')
      if (effective !== null) charge.tags.EffectiveCost = effective
      const tags = tagText ? parseTags(tagText) : {}
      if (tags === null) {
        if (badTags++ === 0) context.warn(line, `Tags "${tagText.slice(0, 60)}" is not a JSON object; tags left out`)
      } else {
        Object.assign(charge.tags, tags)
      }
      for (const { name, index } of extensions) {
        const value = cell(fields, index)
        if (value) charge.tags[name] = value
      }
      // FOCUS has no row id: the charge's dimensions are its key.
      charge.identity = `${charge.start}\u001f${endText}\u001f${cell(fields, col.billingAccountId)}\u001f${cell(fields, col.subAccountId)}\u001f${cell(fields, col.resourceId)}\u001f${cell(fields, col.sku)}\u001f${cell(fields, col.skuPrice)}\u001f${category}\u001f${chargeClass}\u001f${cell(fields, col.description)}\u001f${cell(fields, col.service)}\u001f${tagText}`
      return charge
    }
  },
}
