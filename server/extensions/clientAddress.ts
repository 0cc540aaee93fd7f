import type { IncomingMessage } from 'node:http'

/**
 * Who a connection's limits are counted against: its IPv4 address, or the /64 network of its
 * IPv6 address (one host can take any address of its /64, so single IPv6 addresses are free
 * to an attacker). IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function clientAddress(request: IncomingMessage): string {
  return addressGroup(request.socket.remoteAddress ?? 'unknown')
}

export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]
  if (!address.includes(':')) return address
  const [head, tail] = address.replace(/%.*$/, '').toLowerCase().split('::')
  const groups = (part: string | undefined) => (part ? part.split(':') : [])
  const missing = 8 - groups(head).length - groups(tail).length
  const full = tail === undefined ? groups(head) : [...groups(head), ...Array(missing).fill('0'), ...groups(tail)]
  return `${full.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`
}
