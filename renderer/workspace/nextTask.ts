/**
 * Resolves in a task of its own, so the window handles input and draws in between long work
 * done a piece at a time (an import's payload parts, a ledger's stored updates). A message on
 * a channel rather than `setTimeout(0)`: timeouts chained from timeouts are held to 4 ms after
 * the fifth (an import's commit waited that long between each two of its payload's parts), and
 * to once a second in a hidden window.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
