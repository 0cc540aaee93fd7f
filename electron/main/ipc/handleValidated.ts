import type { IpcMainInvokeEvent } from 'electron'
import { originOf } from '../security'
import { IPC_CONTRACT, type IpcChannel, type IpcRequest } from './contract'

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void
}

/** True when the message comes from the app's own top frame, not from any other origin or frame. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, trustedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent) return false
  const origin = originOf(frame.url)
  return origin !== null && trustedOrigins.includes(origin)
}

export class IpcRefusal extends Error {}

/**
 * Registers a handler that first checks the sender's origin and validates the payload with
 * the channel's zod schema; anything else is refused before the implementation runs.
 */
export function handleValidated<C extends IpcChannel>(
  ipc: IpcMainLike,
  channel: C,
  trustedOrigins: readonly string[],
  implementation: (request: IpcRequest<C>, event: IpcMainInvokeEvent) => unknown,
): void {
  ipc.handle(channel, (event, payload) => {
    if (!isTrustedSender(event, trustedOrigins)) {
      throw new IpcRefusal(`${channel}: refused a message from an untrusted sender`)
    }
    const parsed = IPC_CONTRACT[channel].safeParse(payload)
    if (!parsed.success) {
      throw new IpcRefusal(`${channel}: refused a malformed message (${parsed.error.issues[0]?.message ?? 'invalid'})`)
    }
    return implementation(parsed.data as IpcRequest<C>, event)
  })
}
