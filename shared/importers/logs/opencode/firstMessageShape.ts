import { isObject, text, type JsonObject } from '../jsonFields'

/**
 * OpenCode's first message shape (releases before mid-2025, kept under storage/session/message/):
 * the assistant's model, path and usage under `metadata.assistant`, the time and session under
 * `metadata`, and the tool calls inline as AI SDK `tool-invocation` parts. Returned as the
 * current shape (the message, and its tool calls as `tool` parts), or null for any other message.
 */
export function fromFirstMessageShape(message: JsonObject): { info: JsonObject; sessionId: string | null; toolParts: JsonObject[] } | null {
  const metadata = isObject(message.metadata) ? message.metadata : null
  if (!metadata || isObject(message.tokens)) return null
  const assistant = isObject(metadata.assistant) ? metadata.assistant : {}
  const time = isObject(metadata.time) ? metadata.time : {}
  const toolTimes = isObject(metadata.tool) ? metadata.tool : {}
  const parts = Array.isArray(message.parts) ? message.parts : []
  const toolParts = parts.flatMap((part): JsonObject[] => {
    const call = isObject(part) && part.type === 'tool-invocation' && isObject(part.toolInvocation) ? part.toolInvocation : null
    if (!call) return []
    const callId = text(call.toolCallId)
    const toolTime = callId && isObject(toolTimes[callId]) && isObject(toolTimes[callId].time) ? toolTimes[callId].time : time
    return [{ type: 'tool', tool: call.toolName, callID: callId, state: { input: call.args, time: { start: isObject(toolTime) ? (toolTime.start ?? time.created) : time.created } } }]
  })
  return { info: { ...assistant, role: message.role, time }, sessionId: text(metadata.sessionID), toolParts }
}
