/**
 * A seeded corpus of works and rules for the filter agreement tests: tricky values (case, spacing,
 * no-break spaces, accents, warning spellings, regex characters) and rules over every field.
 */
import type { Rule, RuleAction, TextField } from '../../../lib/filters/types';
import type { HistoryStatus } from '../../../lib/history/types';
import type { Author, WorkMeta } from '../../../lib/sites/types';
import { makeWork, seededRandom } from './factory';

const FANDOMS = ['Star Trek', 'Doctor Who (2005)', 'Sherlock (TV)', 'Harry Potter - J. K. Rowling', 'Pokémon', 'Original Work', 'C++ Programmers RPF'];
const CHARACTERS = ['James T. Kirk', 'Spock', 'The Doctor', 'Rose Tyler', 'Sherlock Holmes', 'John Watson', 'Zoë', 'Ash Ketchum', 'Pikachu'];
const FREEFORMS = [
  'Angst',
  'Angst with a Happy Ending',
  'Fluff and Angst',
  'Hurt/Comfort',
  'Slow Burn',
  'Alternate Universe - Modern Setting',
  'Alternate Reality Universe',
  'Fix-It',
  'Post-Canon',
  'What-If?',
  '[Redacted]',
  'a+b=c',
  'Not Beta Read',
  'Underage Sex',
];
const WARNINGS = [
  'Choose Not To Use Archive Warnings',
  'Creator Chose Not To Use Archive Warnings',
  'No Archive Warnings Apply',
  'Graphic Depictions Of Violence',
  'Major Character Death',
  'Rape/Non-Con',
  'Underage',
  'Underage Sex',
];
const RATINGS = ['General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit', 'Not Rated'];
const CATEGORIES = ['F/F', 'F/M', 'Gen', 'M/M', 'Multi', 'Other'];
const AUTHORS: Author[] = [
  { pseud: 'Alias', login: 'anafabula', url: '' },
  { pseud: 'quietwriter', login: 'quietwriter', url: '' },
  { pseud: 'Anonymous', login: 'orphan_account', url: '' },
  { pseud: 'Zoë.Writes', login: 'zoe', url: '' },
];
const LANGUAGES = ['English', 'Español', '中文-普通话 國語'];
const SUMMARY_WORDS = ['the', 'end', 'weekend', 'bad', 'day', 'Angst,', 'then', 'fluff.', 'café', 'déjà', 'vu', '(spoilers)', 'Tony'];

export function corpus(seed: number, workCount: number, ruleCount: number): { works: WorkMeta[]; rules: Rule[] } {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => Array.from({ length: int(max + 1) }, () => pick(list));
  /** The same value as a reader or another page might write it. */
  const vary = (text: string): string => {
    const r = random();
    if (r < 0.15) return text.toUpperCase();
    if (r < 0.3) return text.toLowerCase();
    if (r < 0.4) return `  ${text.replace(/ /g, '  ')} `;
    if (r < 0.45) return text.replace(/ /g, '\u00a0');
    return text;
  };
  // Generated names keep 300 rules from matching every work; the fixed ones keep the traps.
  const letters = 'abcdefghijklmnopqrstuvwxyzé';
  const word = () => Array.from({ length: 3 + int(6) }, () => letters[int(letters.length)]).join('');
  const name = () => `${word()} ${word()}`.replace(/^./, (c) => c.toUpperCase());
  const fandoms = [...FANDOMS, ...Array.from({ length: 40 }, () => `${name()} (TV)`)];
  const characters = [...CHARACTERS, ...Array.from({ length: 150 }, name)];
  const freeforms = [...FREEFORMS, ...Array.from({ length: 300 }, () => (random() < 0.5 ? word() : name()))];
  const authors: Author[] = [
    ...AUTHORS,
    ...Array.from({ length: 60 }, () => {
      const login = word();
      return { pseud: random() < 0.5 ? login : name(), login, url: '' };
    }),
  ];
  const summaryWords = [...SUMMARY_WORDS, ...Array.from({ length: 80 }, word)];
  const relationship = () => `${pick(characters)}/${pick(characters)}`;

  const works = Array.from({ length: workCount }, () =>
    makeWork({
      id: String(1000 + int(50)),
      site: random() < 0.9 ? 'ao3' : 'ffn',
      title: vary(`${pick(summaryWords)} ${pick(summaryWords)}`),
      authors: random() < 0.1 ? [] : some(authors, 2),
      fandoms: some(fandoms, 4).map(vary),
      rating: random() < 0.1 ? null : pick(RATINGS),
      warnings: some(WARNINGS, 2).map(vary),
      categories: some(CATEGORIES, 2),
      relationships: Array.from({ length: int(3) }, relationship),
      characters: some(characters, 4).map(vary),
      freeforms: some(freeforms, 5).map(vary),
      language: random() < 0.1 ? null : pick(LANGUAGES),
      words: random() < 0.1 ? null : 500 * int(400),
      complete: random() < 0.1 ? null : random() < 0.5,
      summary: random() < 0.1 ? '' : some(summaryWords, 14).join(random() < 0.2 ? '\n\n' : ' '),
    }),
  );

  const star = (text: string): string => {
    const r = random();
    const cut = (s: string) => s.slice(int(Math.max(1, s.length / 2)));
    if (r < 0.35) return text;
    if (r < 0.5) return `${text.slice(0, 3 + int(text.length))}*`;
    if (r < 0.65) return `*${cut(text)}`;
    if (r < 0.8) {
      const middle = text.slice(int(3), text.length - int(3));
      return middle.length >= 4 ? `*${middle}*` : text;
    }
    if (r < 0.9) return `${text.slice(0, 2)}*${text.slice(-2)}`;
    return `*${text.slice(0, 2)}*${text.slice(3, 5)}*`;
  };
  /** [field, weight, a value of that field]: broad fields (five ratings…) are rare, as in real rule lists. */
  const textFields: [TextField, number, () => string][] = [
    ['warning', 2, () => pick(WARNINGS)],
    ['rating', 1, () => pick(RATINGS)],
    ['category', 1, () => pick(CATEGORIES)],
    ['fandom', 8, () => pick(fandoms)],
    ['relationship', 10, relationship],
    ['character', 20, () => pick(characters)],
    ['freeform', 30, () => pick(freeforms)],
    ['tag', 15, () => pick([...freeforms, ...characters, ...WARNINGS, ...fandoms])],
    ['author', 5, () => {
      const a = pick(authors);
      return pick([a.pseud, a.login, `${a.pseud} (${a.login})`]);
    }],
    ['title', 3, () => `${pick(summaryWords)} ${pick(summaryWords)}`],
    ['summary', 6, () => some(summaryWords, 2).join(' ') || 'the'],
    ['language', 1, () => pick(LANGUAGES)],
    ['work', 3, () => `${random() < 0.9 ? 'ao3' : 'ffn'}:${1000 + int(50)}`],
  ];
  const totalWeight = textFields.reduce((sum, [, weight]) => sum + weight, 0);
  // Few allow rules, or nearly every work would be allowed by one of 300 rules.
  const action = (): RuleAction => (random() < 0.015 ? 'allow' : random() < 0.4 ? 'hide' : 'collapse');
  const rules: Rule[] = Array.from({ length: ruleCount }, (_, i): Rule => {
    const id = `g${i}`;
    const enabled = random() > 0.1;
    const r = random();
    if (r < 0.02) {
      // Narrow bounds: rare matches, and some edges hit exactly (work word counts are multiples of 500).
      const a = 500 * int(400);
      const bounds = random() < 0.33 ? { min: 190_000 + a / 20 } : random() < 0.5 ? { max: a / 20 } : { min: a, max: a + 500 * int(5) };
      return { id, field: 'words', ...bounds, action: action(), enabled };
    }
    if (r < 0.025) return { id, field: 'fandomCount', max: 2 + int(3), action: action(), enabled };
    if (r < 0.03) return { id, field: 'complete', value: random() < 0.5, action: action(), enabled };
    let roll = random() * totalWeight;
    const [field, , value] = textFields.find(([, weight]) => (roll -= weight) < 0) ?? textFields[0]!;
    const pattern = field === 'work' ? value() : vary(star(value()));
    return { id, field, pattern, action: action(), enabled };
  });
  return { works, rules };
}

/**
 * The same corpus with the reading history in play: each work gets a reading status (never
 * opened, started, finished), some rules dim instead, and history rules of every action are mixed
 * in. Drawn from a second PRNG so `corpus(seed, …)` itself stays what it was.
 */
export function historyCorpus(
  seed: number,
  workCount: number,
  ruleCount: number,
): { works: WorkMeta[]; rules: Rule[]; statuses: (HistoryStatus | null)[] } {
  const { works, rules } = corpus(seed, workCount, ruleCount);
  const random = seededRandom(seed + 7919);
  const int = (n: number) => Math.floor(random() * n);
  const statuses = works.map((): HistoryStatus | null => [null, null, 'started', 'finished'][int(4)] as HistoryStatus | null);
  const actions: readonly RuleAction[] = ['hide', 'collapse', 'dim', 'dim', 'allow'];
  const mixed = rules.map((rule): Rule => (random() < 0.5 ? { ...rule, action: 'dim' } : rule));
  for (let i = 0; i < 6; i++) {
    const rule: Rule = {
      id: `h${i}`,
      field: 'history',
      status: i % 2 === 0 ? 'finished' : 'started',
      action: i < 2 ? 'dim' : actions[int(actions.length)]!,
      enabled: random() > 0.15,
    };
    mixed.splice(int(mixed.length + 1), 0, rule);
  }
  return { works, rules: mixed, statuses };
}
