/**
 * FanFiction.net names a story's language in words ("English", "Español") and marks no `lang`:
 * the tag for the languages it offers, for hyphenation in the reader.
 */
const TAGS: Readonly<Record<string, string>> = {
  english: 'en',
  spanish: 'es',
  español: 'es',
  french: 'fr',
  français: 'fr',
  german: 'de',
  deutsch: 'de',
  portuguese: 'pt',
  português: 'pt',
  italian: 'it',
  italiano: 'it',
  dutch: 'nl',
  nederlands: 'nl',
  polish: 'pl',
  polski: 'pl',
  russian: 'ru',
  swedish: 'sv',
  svenska: 'sv',
  danish: 'da',
  dansk: 'da',
  norwegian: 'no',
  norsk: 'no',
  finnish: 'fi',
  suomi: 'fi',
  indonesian: 'id',
  czech: 'cs',
  hungarian: 'hu',
  magyar: 'hu',
  romanian: 'ro',
  catalan: 'ca',
  català: 'ca',
  turkish: 'tr',
  türkçe: 'tr',
  greek: 'el',
  croatian: 'hr',
  hrvatski: 'hr',
  filipino: 'fil',
  tagalog: 'tl',
  vietnamese: 'vi',
  'tiếng việt': 'vi',
};

export function ffnLanguageTag(language: string | null): string | null {
  return language ? (TAGS[language.trim().toLowerCase()] ?? null) : null;
}
