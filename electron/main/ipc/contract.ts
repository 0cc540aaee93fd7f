import { z } from 'zod'
import { IPC } from '../../ipcChannels'

/** Every IPC request the renderer may send, validated in the main process before use. */
export const IPC_CONTRACT = {
  [IPC.openFiles]: z.object({
    title: z.string().max(200).optional(),
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).max(20).optional(),
    directories: z.boolean().optional(),
  }),
  [IPC.readFileChunk]: z.object({ handle: z.string().uuid() }),
  [IPC.closeFile]: z.object({ handle: z.string().uuid() }),
  [IPC.reopenFile]: z.object({ handle: z.string().uuid() }),
  [IPC.scanAgentLogs]: z.undefined(),
  [IPC.saveFile]: z.object({
    suggestedName: z.string().min(1).max(255).refine((name) => !/[\\/]/.test(name), 'a file name, not a path'),
    data: z.union([z.string(), z.instanceof(Uint8Array)]),
  }),
  [IPC.printToPdf]: z.object({
    suggestedName: z
      .string()
      .min(5)
      .max(255)
      .refine((name) => !/[\\/]/.test(name), 'a file name, not a path')
      .refine((name) => name.toLowerCase().endsWith('.pdf'), 'a .pdf file name'),
  }),
  [IPC.appInfo]: z.undefined(),
  [IPC.hostSession]: z.object({ workspaceId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) }),
} as const

export type IpcChannel = keyof typeof IPC_CONTRACT
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]>
