/**
 * The provider a model id names, for agents whose logs record the model but not who served it
 * ("claude-sonnet-4-5" → "anthropic"); null when the id says nothing (a custom or local model).
 */
export function providerOfModel(model: string): string | null {
  const id = model.toLowerCase()
  for (const [pattern, provider] of MODEL_MAKERS) if (pattern.test(id)) return provider
  return null
}

const MODEL_MAKERS: readonly (readonly [RegExp, string])[] = [
  [/claude|opus|sonnet|haiku/, 'anthropic'],
  [/(^|[/-])(gpt|o\d|codex|chatgpt)/, 'openai'],
  [/gemini|gemma/, 'google'],
  [/grok/, 'xai'],
  [/qwen|qwq/, 'alibaba'],
  [/deepseek/, 'deepseek'],
  [/glm/, 'zhipu'],
  [/kimi|moonshot/, 'moonshot'],
]
