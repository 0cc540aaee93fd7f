import { describe, expect, it } from 'vitest'
import { addressGroup } from './clientAddress'

describe('addressGroup', () => {
  it('keeps an IPv4 address, also when it comes IPv4-mapped', () => {
    expect(addressGroup('192.168.1.20')).toBe('192.168.1.20')
    expect(addressGroup('::ffff:192.168.1.20')).toBe('192.168.1.20')
  })

  it('counts every address of one IPv6 /64 as one client', () => {
    const network = '2001:db8:aa:1::/64'
    for (const address of ['2001:db8:aa:1::1', '2001:db8:aa:1:dead:beef:1:2', '2001:0db8:00aa:0001:0:0:0:9', '2001:db8:aa:1::7%eth0']) {
      expect(addressGroup(address)).toBe(network)
    }
    expect(addressGroup('2001:db8:aa:2::1')).toBe('2001:db8:aa:2::/64')
    expect(addressGroup('::1')).toBe('0:0:0:0::/64')
    expect(addressGroup('fe80::1')).toBe('fe80:0:0:0::/64')
  })
})
