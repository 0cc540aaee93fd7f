import { cell } from '../csv/header'
import type { BillingFormat } from './format'
import { amount, chargeTypeOf, newCharge, optionalAmount, orNull, quantityOf } from './rows'
import { addDays, lastValueCache, parseInstant } from './dates'
import { RowError } from './format'
import { parseTags } from './tags'

/**
 * Azure Cost Management "Cost details" export, MCA and EA layouts (same loose names, other
 * case and order) and the legacy `UsageDateTime`/`PreTaxCost` one. Dates are MM/DD/YYYY
 * (ISO in some exports), money is in the billing currency (often not USD; `costInUsd` beside
 * it is ignored so currencies never mix), tags are JSON without the outer braces.
 */
export const azureCostDetails: BillingFormat = {
  id: 'azure-cost-details',
  label: 'Azure cost details export',
  signature: [['date', 'UsageDateTime'], ['costInBillingCurrency', 'CostInBillingCurrency', 'PreTaxCost', 'cost'], ['meterCategory', 'meterName']],
  bind(header, context) {
    const col = {
      date: header.find('date', 'UsageDateTime'),
      cost: header.find('costInBillingCurrency', 'PreTaxCost', 'cost'),
      currency: header.find('billingCurrency', 'billingCurrencyCode', 'Currency'),
      payg: header.find('paygCostInBillingCurrency'),
      meterCategory: header.find('meterCategory'),
      meterSubCategory: header.find('meterSubCategory'),
      meterName: header.find('meterName'),
      meterId: header.find('meterId'),
      quantity: header.find('quantity', 'UsageQuantity'),
      unit: header.find('unitOfMeasure'),
      chargeType: header.find('chargeType'),
      subscription: header.find('subscriptionName', 'SubscriptionId'),
      subscriptionId: header.find('SubscriptionId'),
      resourceGroup: header.find('resourceGroupName', 'ResourceGroup'),
      resource: header.find('ResourceId', 'InstanceId'),
      costCenter: header.find('costCenter'),
      tags: header.find('tags'),
      pricingModel: header.find('pricingModel'),
      reservationId: header.find('reservationId'),
      benefitId: header.find('benefitId'),
      invoiceSection: header.find('invoiceSectionId', 'invoiceSectionName'),
      additionalInfo: header.find('additionalInfo'),
    }
    // MM/DD/YYYY is what the export writes; ISO is accepted for the API-made files, and a
    // German-locale re-save's DD.MM.YYYY (the dots say day first, unlike the slashes).
    const day = lastValueCache((text: string) => {
      const start = parseInstant(text, /^\d{1,2}\/\d{1,2}\/\d{4}/.test(text) ? 'MM/DD/YYYY' : /^\d{1,2}\.\d{1,2}\.\d{4}/.test(text) ? 'DD.MM.YYYY' : 'iso')
      return start && { start, end: addDays(start.slice(0, 10) + 'T00:00:00.000Z', 1) }
    })
    let badTags = 0
    return (fields, line) => {
      const charge = newCharge(this.id, 'azure', context.file, line)
      const dateText = cell(fields, col.date)
      const period = dateText ? day(dateText) : null
      if (!period) throw new RowError(dateText ? `date "${dateText}" is not MM/DD/YYYY` : 'date is empty')
      const meterCategory = cell(fields, col.meterCategory)
      const meterName = cell(fields, col.meterName)
      const chargeType = cell(fields, col.chargeType)
      const resource = cell(fields, col.resource)
      charge.start = period.start
      charge.end = period.end
      charge.cost = amount(cell(fields, col.cost), header.names[col.cost])
      charge.listCost = optionalAmount(cell(fields, col.payg), 'paygCostInBillingCurrency') ?? undefined
      charge.currency = cell(fields, col.currency).toUpperCase() || 'USD'
      charge.chargeType = chargeTypeOf(chargeType, charge.cost)
      charge.service = orNull(meterCategory)
      charge.model = azureOpenAiModel(meterName)
      if (charge.model) charge.provider = 'azure-openai'
      charge.account = orNull(cell(fields, col.subscription))
      charge.project = orNull(cell(fields, col.resourceGroup))
      charge.workspace = orNull(resource.slice(resource.lastIndexOf('/') + 1))
      charge.costCenter = orNull(cell(fields, col.costCenter))
      charge.quantity = quantityOf(cell(fields, col.quantity), cell(fields, col.unit), 'quantity')
      if (meterName) charge.tags.meter = meterName
      const subCategory = cell(fields, col.meterSubCategory)
      if (subCategory) charge.tags.meter_subcategory = subCategory
      const tagText = cell(fields, col.tags)
      const tags = tagText ? parseTags(tagText) : {}
      if (tags === null) {
        if (badTags++ === 0) context.warn(line, `tags "${tagText.slice(0, 60)}" are not JSON; tags left out`)
      } else {
        Object.assign(charge.tags, tags)
      }
      charge.identity = `${charge.start}\u001f${cell(fields, col.subscriptionId)}\u001f${resource}\u001f${cell(fields, col.meterId)}\u001f${meterName}\u001f${chargeType}\u001f${cell(fields, col.pricingModel)}\u001f${cell(fields, col.reservationId)}\u001f${cell(fields, col.benefitId)}\u001f${cell(fields, col.invoiceSection)}\u001f${tagText}\u001f${cell(fields, col.additionalInfo)}`
      return charge
    }
  },
}

const METER_WORDS = /^(?:inp|inpt|input|outp|outpt|output|out|cached|cchd|cache|glbl|global|gl|rgnl|regional|regnl|dzone|datazone|data|zone|batch|tokens?|1k|1m)$/i

/** "gpt-4o-mini-0718-Inp-glbl Tokens" → "gpt-4o-mini-0718"; null for meters that are not token meters. */
function azureOpenAiModel(meterName: string): string | null {
  if (!/tokens?$/i.test(meterName)) return null
  const words = meterName.split(/([\s-]+)/)
  while (words.length > 0 && (METER_WORDS.test(words[words.length - 1]) || /^[\s-]*$/.test(words[words.length - 1]))) words.pop()
  const model = words.join('').trim()
  return model || null
}
