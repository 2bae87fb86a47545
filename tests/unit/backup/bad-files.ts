/** Every way a backup file can be refused, with the exact message (parse.test.ts, apply.test.ts). */
import { text, validData } from './helpers';

type Data = ReturnType<typeof validData>;
const broken = (change: (d: Data) => void): string => {
  const d = validData();
  change(d);
  return text(d);
};
export const MB = 1024 * 1024;

/** Every way a file can be refused, with the exact message. Shared with apply.test.ts. */
export const BAD_FILES: [name: string, contents: string, size: number | null, error: string][] = [
  ['a file over 20 MB, before parsing', '{not even json', 50 * MB, 'File is 50.0 MB; a Lamplight backup is at most 20 MB'],
  ['a file just over 20 MB', '{}', 20 * MB + 1, 'File is 20.1 MB; a Lamplight backup is at most 20 MB'],
  ['an empty file', '', null, 'Not a valid JSON file: the file is empty'],
  ['a trailing comma', '{"format": "lamplight-backup",}', null, 'Not a valid JSON file: Unexpected token "}" at position 30 (line 1, column 31)'],
  ['a cut-off file', '{\n  "format": "lamplight-backup",\n  "filters": [', null, 'Not a valid JSON file: Unexpected end of file at position 48 (line 3, column 15)'],
  ['single quotes', "{'format': 1}", null, 'Not a valid JSON file: Unexpected token "\'" at position 1 (line 1, column 2)'],
  ['a bare word', '{"a": undefined}', null, 'Not a valid JSON file: Unexpected token "undefined" at position 6 (line 1, column 7)'],
  ['a line break inside a text', '{"a": "x\ny"}', null, 'Not a valid JSON file: Line break inside a text at position 8 (line 1, column 9)'],
  ['HTML saved by mistake', '<!DOCTYPE html><html>', null, 'Not a valid JSON file: Unexpected token "<" at position 0 (line 1, column 1)'],
  ['a JSON list', '[]', null, 'Not a Lamplight backup: the file holds a list, not a Lamplight backup object'],
  ['a JSON text', '"hello"', null, 'Not a Lamplight backup: the file holds a text, not a Lamplight backup object'],
  ['JSON without a format', '{"bookmarks": []}', null, 'Not a Lamplight backup: the file has no "format": "lamplight-backup"'],
  ['another format', '{"format": "ao3-enhancements", "version": 1}', null, 'Not a Lamplight backup: "format" is "ao3-enhancements", not "lamplight-backup"'],
  ['no version', broken((d) => delete (d as Partial<Data>).version), null, 'Not a Lamplight backup: the file has no "version"'],
  ['version as text', broken((d) => ((d as { version: unknown }).version = '1')), null, 'Not a Lamplight backup: "version" must be a whole number from 1, not "1"'],
  ['version 0', broken((d) => (d.version = 0)), null, 'Not a Lamplight backup: "version" must be a whole number from 1, not 0'],
  ['a newer version', broken((d) => (d.version = 3)), null, 'This backup was made by a newer Lamplight (version 3); update Lamplight to import it'],
  ['a newer version with new fields', '{"format": "lamplight-backup", "version": 7, "shelves": []}', null, 'This backup was made by a newer Lamplight (version 7); update Lamplight to import it'],
  ['an unknown top-level field', broken((d) => Object.assign(d, { bookmark: [] })), null, 'unknown field "bookmark" at the top of the file'],
  ['no exportedAt', broken((d) => delete (d as Partial<Data>).exportedAt), null, 'missing exportedAt'],
  ['a bad exportedAt', broken((d) => (d.exportedAt = 'last Tuesday')), null, 'exportedAt must be a date like "2026-11-24T10:00:00.000Z", not "last Tuesday"'],
  ['no filters', broken((d) => delete (d as Partial<Data>).filters), null, 'missing filters'],
  ['filters not a list', broken((d) => ((d as { filters: unknown }).filters = {})), null, 'filters must be a list, not {}'],
  ['a rule that is not an object', broken((d) => ((d.filters as unknown[])[2] = 'hide MCD')), null, 'filters[2]: must be an object, not "hide MCD"'],
  ['a rule with an unknown field', broken((d) => (d.filters[1]!.colour = 'red')), null, 'filters[1]: unknown field "colour"'],
  ['a rule with a field of another kind', broken((d) => (d.filters[1]!.pattern = 'x')), null, 'filters[1]: Unknown property "pattern" in a words rule'],
  ['a rule on an unknown field', broken((d) => (d.filters[0]!.field = 'mood')), null, 'filters[0]: Unknown field "mood"'],
  ['a rule with an empty pattern', broken((d) => (d.filters[0]!.pattern = '   ')), null, 'filters[0]: Pattern is empty'],
  ['a rule with a bad action', broken((d) => (d.filters[3]!.action = 'delete')), null, 'filters[3]: Unknown action "delete" (use hide, collapse, dim or allow)'],
  ['a rule with a bad number', broken((d) => (d.filters[1]!.max = -5)), null, "filters[1]: Maximum words (-5) can't be negative"],
  ['no bookmarks', broken((d) => delete (d as Partial<Data>).bookmarks), null, 'missing bookmarks'],
  ['bookmarks not a list', broken((d) => ((d as { bookmarks: unknown }).bookmarks = 'none')), null, 'bookmarks must be a list, not "none"'],
  ['a bookmark without a work id', broken((d) => delete d.bookmarks[3]!.workId), null, 'bookmarks[3]: missing workId'],
  ['a bookmark with an unknown field', broken((d) => (d.bookmarks[0]!.colour = 'red')), null, 'bookmarks[0]: unknown field "colour"'],
  ['a bookmark on an unknown site', broken((d) => (d.bookmarks[1]!.site = 'wattpad')), null, 'bookmarks[1]: site must be one of "ao3", "ffn", not "wattpad"'],
  ['a bookmark with chapter 0 (chapters count from 1)', broken((d) => (d.bookmarks[2]!.chapter = 0)), null, 'bookmarks[2]: chapter must be a whole number of at least 1, not 0'],
  ['a bookmark with progress as a percentage', broken((d) => (d.bookmarks[0]!.progress = 40)), null, 'bookmarks[0]: progress must be a number from 0 to 1, not 40'],
  ['a bookmark with "?" chapters planned', broken((d) => (d.bookmarks[0]!.chapterTotal = '?')), null, 'bookmarks[0]: chapterTotal must be a whole number of at least 1 or null (unknown), not "?"'],
  ['a bookmark with a bad date', broken((d) => (d.bookmarks[1]!.readAt = '24/11/2026')), null, 'bookmarks[1]: readAt must be a date like "2026-11-24T10:00:00.000Z", not "24/11/2026"'],
  ['a bookmark that is null', broken((d) => ((d.bookmarks as unknown[])[1] = null)), null, 'bookmarks[1]: must be an object, not null'],
  // Resume and the title link open these addresses: only https pages of the bookmark's own site.
  ['a bookmark pointing at another host', broken((d) => (d.bookmarks[0]!.url = 'https://evil.example/phish')), null, 'bookmarks[0]: url must be an https address on archiveofourown.org, www.archiveofourown.org, not "https://evil.example/phish"'],
  ['a bookmark on a look-alike host', broken((d) => (d.bookmarks[0]!.url = 'https://archiveofourown.org.evil.example/works/1')), null, 'bookmarks[0]: url must be an https address on archiveofourown.org, www.archiveofourown.org, not "https://archiveofourown.org.evil.example/works/1"'],
  ['a bookmark over plain http', broken((d) => (d.bookmarks[0]!.url = 'http://archiveofourown.org/works/1')), null, 'bookmarks[0]: url must be an https address on archiveofourown.org, www.archiveofourown.org, not "http://archiveofourown.org/works/1"'],
  ['a chapter address on another host', broken((d) => (d.bookmarks[0]!.chapterUrl = 'https://evil.example/works/1/chapters/2')), null, 'bookmarks[0]: chapterUrl must be an https address on archiveofourown.org, www.archiveofourown.org, not "https://evil.example/works/1/chapters/2"'],
  ['a chapter past the chapters posted', broken((d) => Object.assign(d.bookmarks[0]!, { chapter: 4, chapterCount: 1 })), null, 'bookmarks[0]: chapter must be at most chapterCount (1), not 4'],
  ['the same work twice', broken((d) => (d.bookmarks[3]!.workId = '1')), null, 'bookmarks[3]: the same work as bookmarks[0] (ao3:1)'],
  ['no settings', broken((d) => delete (d as Partial<Data>).settings), null, 'missing settings'],
  ['settings as a list', broken((d) => ((d as { settings: unknown }).settings = [])), null, 'settings must be an object, not []'],
  ['an unknown settings group', broken((d) => (d.settings.theme = 'dark')), null, 'settings: unknown field "theme"'],
  ['a bad reader setting', broken((d) => ((d.settings.reader as Record<string, unknown>).fontSize = 500)), null, 'settings.reader: fontSize must be a number from 12 to 40, not 500'],
  ['an unknown app setting', broken((d) => ((d.settings.app as Record<string, unknown>).telemetry = true)), null, 'settings.app: unknown field "telemetry"'],
];

