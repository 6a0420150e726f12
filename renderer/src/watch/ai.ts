// Which changed sentences are about AI, in the renderer: the same phrase list the core flags changes with
// (data/ai-phrases.json, bundled at build time), matched the same way: whole words, case-insensitive per language,
// the acronyms as written. The core reports only whether a change is AI-related; this marks the sentences.
import phrases from '../../../data/ai-phrases.json';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const wordOf = (phrase: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, flags);

const patterns: RegExp[] = [];
for (const [key, value] of Object.entries(phrases as Record<string, unknown>)) {
  if (key === 'about' || !Array.isArray(value)) continue;
  const flags = key === 'caseSensitive' ? 'u' : 'iu';
  for (const p of value) if (typeof p === 'string' && p.trim()) patterns.push(wordOf(p.trim(), flags));
}

/** True when the sentence names AI, models or training. */
export const isAiSentence = (sentence: string) => patterns.some((re) => re.test(sentence));
