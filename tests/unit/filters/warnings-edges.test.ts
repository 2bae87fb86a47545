/**
 * The archive warning and rating tables, and the spelling maps built from them when the module loads.
 * Each test loads lib/filters/warnings afresh, so the tables and maps are built inside the test: a
 * module loaded once at the top of a file would keep whatever it was built with first.
 */
import { describe, expect, it, vi } from 'vitest';

type WarningsModule = typeof import('../../../lib/filters/warnings');

async function freshWarnings(): Promise<WarningsModule> {
  vi.resetModules();
  return import('../../../lib/filters/warnings');
}

describe('the tables, exactly as AO3 names them', () => {
  it('each warning has its tag name, the label AO3 shows, and every spelling that means it', async () => {
    const { ARCHIVE_WARNINGS } = await freshWarnings();
    expect(ARCHIVE_WARNINGS).toEqual([
      {
        name: 'Graphic Depictions Of Violence',
        label: 'Graphic Depictions Of Violence',
        aliases: ['Graphic Depictions Of Violence'],
      },
      { name: 'Major Character Death', label: 'Major Character Death', aliases: ['Major Character Death'] },
      { name: 'Rape/Non-Con', label: 'Rape/Non-Con', aliases: ['Rape/Non-Con'] },
      { name: 'Underage Sex', label: 'Underage Sex', aliases: ['Underage Sex', 'Underage'] },
      { name: 'No Archive Warnings Apply', label: 'No Archive Warnings Apply', aliases: ['No Archive Warnings Apply'] },
      {
        name: 'Choose Not To Use Archive Warnings',
        label: 'Creator Chose Not To Use Archive Warnings',
        aliases: ['Choose Not To Use Archive Warnings', 'Creator Chose Not To Use Archive Warnings'],
      },
    ]);
  });

  it('each rating has its tag name and the same label, mildest first', async () => {
    const { RATINGS } = await freshWarnings();
    expect(RATINGS).toEqual([
      { name: 'General Audiences', label: 'General Audiences' },
      { name: 'Teen And Up Audiences', label: 'Teen And Up Audiences' },
      { name: 'Mature', label: 'Mature' },
      { name: 'Explicit', label: 'Explicit' },
      { name: 'Not Rated', label: 'Not Rated' },
    ]);
  });
});

describe('findWarning knows every spelling, in any case', () => {
  it.each([
    ['Graphic Depictions Of Violence', 'Graphic Depictions Of Violence'],
    ['GRAPHIC DEPICTIONS OF VIOLENCE', 'Graphic Depictions Of Violence'],
    ['Major Character Death', 'Major Character Death'],
    ['major  character death', 'Major Character Death'],
    ['Rape/Non-Con', 'Rape/Non-Con'],
    ['rape/non-con', 'Rape/Non-Con'],
    ['Underage Sex', 'Underage Sex'],
    ['UNDERAGE', 'Underage Sex'],
    ['No Archive Warnings Apply', 'No Archive Warnings Apply'],
    [' no archive warnings apply', 'No Archive Warnings Apply'],
    ['Choose Not To Use Archive Warnings', 'Choose Not To Use Archive Warnings'],
    ['creator chose not to use archive warnings', 'Choose Not To Use Archive Warnings'],
  ])('%j is the warning %j', async (spelling, name) => {
    const { findWarning } = await freshWarnings();
    expect(findWarning(spelling)?.name).toBe(name);
  });

  it('an empty spelling or a rating is no warning', async () => {
    const { findWarning } = await freshWarnings();
    expect(findWarning('')).toBeUndefined();
    expect(findWarning('Mature')).toBeUndefined();
    expect(findWarning('Creator Chose')).toBeUndefined();
  });
});

describe('warningSpellings for every normalized warning value', () => {
  it.each([
    ['graphic depictions of violence', ['graphic depictions of violence']],
    ['major character death', ['major character death']],
    ['rape/non-con', ['rape/non-con']],
    ['no archive warnings apply', ['no archive warnings apply']],
    ['underage sex', ['underage sex', 'underage']],
    ['underage', ['underage', 'underage sex']],
    ['choose not to use archive warnings', ['choose not to use archive warnings', 'creator chose not to use archive warnings']],
    ['creator chose not to use archive warnings', ['creator chose not to use archive warnings', 'choose not to use archive warnings']],
  ])('%j: itself first, then each other spelling once', async (value, spellings) => {
    const { warningSpellings } = await freshWarnings();
    expect(warningSpellings(value)).toEqual(spellings);
  });

  it('a value that is not normalized, or not a warning, gives just itself', async () => {
    const { warningSpellings } = await freshWarnings();
    expect(warningSpellings('Underage')).toEqual(['Underage']);
    expect(warningSpellings('')).toEqual(['']);
    expect(warningSpellings('fluff')).toEqual(['fluff']);
  });
});
