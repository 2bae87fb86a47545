import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { t, tn } from '../../../lib/i18n';

const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;

describe('messages.json', () => {
  it('has valid key names, a message and a description for translators in every entry', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(typeof entry.message, key).toBe('string');
      expect(entry.description, `${key} has no description`).toBeTruthy();
    }
  });

  it('declares every $PLACEHOLDER$ a message uses, and uses every one it declares', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      const declared = new Set(Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()));
      expect([...used].sort(), key).toEqual([...declared].sort());
    }
  });

  it('gives plural keys an _other form', () => {
    for (const key of Object.keys(messages)) {
      const m = /^(.*)_(zero|one|two|few|many)$/.exec(key);
      if (m) expect(messages, key).toHaveProperty(`${m[1]}_other`);
    }
  });
});

describe('t', () => {
  it('reads the English message', () => {
    expect(t('extName')).toBe('Lamplight');
  });
});

describe('t and tn', () => {
  it('inserts page text as it is: $-signs and markup stay literal', () => {
    const title = '$1 $$ <img src=x onerror=alert(1)>';
    expect(t('filterHideWorkLabel', title)).toBe(`Hide this work: ${title}`);
    expect(t('readerHoursMinutes', 3, 5)).toBe('3 h 5 min');
    expect(t('readerHoursMinutes', 4, 10)).toBe('4 h 10 min');
  });

  it('keeps plural forms apart, and the key when a message is missing', () => {
    expect(tn('filterSummary', 1)).toBe('Lamplight filtered 1 work on this page.');
    expect(tn('filterSummary', 7)).toBe('Lamplight filtered 7 works on this page.');
    expect(t('noSuchMessage' as never)).toBe('noSuchMessage');
  });
});
