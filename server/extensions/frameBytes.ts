import type { RawData } from 'ws'

/** The bytes of one WebSocket message as ws hands them over (a Buffer, fragments or an ArrayBuffer). */
export function frameBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}
