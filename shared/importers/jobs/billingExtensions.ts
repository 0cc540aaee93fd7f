/**
 * Whether a path's extension is a billing export's: CSV, TSV, or Excel's "Unicode text" .txt.
 * Apart from fileKind.ts, which decides with it, so the command line can ask before loading
 * every reader (billingSecondPart.ts starts a thread for a big export as the command starts).
 */
export function hasBillingExtension(path: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(path)
}
