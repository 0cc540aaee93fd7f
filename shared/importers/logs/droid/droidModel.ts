import { text, type JsonObject } from '../jsonFields'
import { providerOfModel } from '../modelProvider'

/**
 * A Droid model as the price table names it: Droid writes API ids ("claude-sonnet-4-5-20250929",
 * "gpt-5.1-codex") as they are, and custom (BYOK) models as a display name with the provider in
 * brackets ("custom:Claude-Opus-4.5-Thinking-[Anthropic]-0"), which become "claude-opus-4.5-thinking-0".
 */
export function droidModelId(model: string): string {
  return model
    .replace(/^custom:/i, '')
    .replace(/\[[^\]]*\]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
}

const PROVIDER_LOCKS: Record<string, string> = {
  anthropic: 'anthropic',
  claude: 'anthropic',
  openai: 'openai',
  google: 'google',
  google_ai: 'google',
  gemini: 'google',
  vertex: 'google',
  vertex_ai: 'google',
  xai: 'xai',
  x_ai: 'xai',
  grok: 'xai',
}

/**
 * Who serves a Droid session, from its settings: the provider it was locked to (`providerLock`);
 * for Factory's generic OpenAI-compatible route, the API provider behind it (`apiProviderLock`,
 * "fireworks"), else the maker the model id names, else Factory itself.
 */
export function droidProvider(settings: JsonObject, model: string | null): string {
  const lock = text(settings.providerLock)?.trim().toLowerCase().replace(/-/g, '_')
  return (lock && PROVIDER_LOCKS[lock]) ?? text(settings.apiProviderLock)?.toLowerCase() ?? (model && providerOfModel(model)) ?? 'factory'
}
