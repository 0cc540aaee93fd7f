import { text, type JsonObject } from '../jsonFields'

/**
 * Who serves a Qwen Code session, from its `session_model` binding: the auth type names the
 * provider, except for `openai`, Qwen Code's type for every OpenAI-compatible endpoint, where
 * the base URL tells DashScope and OpenRouter from OpenAI itself. Null without a binding.
 */
export function qwenProvider(binding: JsonObject | null): string | null {
  if (binding === null) return null
  const authType = text(binding.authType)?.toLowerCase()
  if (authType === 'openai') {
    const baseUrl = text(binding.baseUrl)?.toLowerCase() ?? ''
    if (baseUrl.includes('openrouter')) return 'openrouter'
    if (baseUrl.includes('dashscope') || baseUrl.includes('aliyun')) return 'alibaba'
    return baseUrl === '' || baseUrl.includes('openai.com') ? 'openai' : null
  }
  return authType ? (AUTH_PROVIDERS[authType] ?? null) : null
}

const AUTH_PROVIDERS: Record<string, string> = {
  'qwen-oauth': 'alibaba',
  anthropic: 'anthropic',
  gemini: 'google',
  'vertex-ai': 'google',
}
