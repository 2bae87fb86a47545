import { describe, expect, it } from 'vitest';
import { ARCHIVE_WARNINGS, findWarning, RATINGS, warningSpellings } from '../../../lib/filters/warnings';

describe('archive warnings and ratings for the popup', () => {
  it('lists the four real warnings first, then "No Archive Warnings Apply" and "Creator Chose Not To Use"', () => {
    expect(ARCHIVE_WARNINGS.map((w) => [w.name, w.label])).toEqual([
      ['Graphic Depictions Of Violence', 'Graphic Depictions Of Violence'],
      ['Major Character Death', 'Major Character Death'],
      ['Rape/Non-Con', 'Rape/Non-Con'],
      ['Underage Sex', 'Underage Sex'],
      ['No Archive Warnings Apply', 'No Archive Warnings Apply'],
      ['Choose Not To Use Archive Warnings', 'Creator Chose Not To Use Archive Warnings'],
    ]);
  });

  it('lists the five ratings, mildest first', () => {
    expect(RATINGS.map((r) => r.name)).toEqual([
      'General Audiences',
      'Teen And Up Audiences',
      'Mature',
      'Explicit',
      'Not Rated',
    ]);
  });
});

describe('findWarning', () => {
  it.each([
    ['Underage', 'Underage Sex'],
    ['underage sex', 'Underage Sex'],
    ['Creator Chose Not To Use Archive Warnings', 'Choose Not To Use Archive Warnings'],
    ['  choose not to use   archive warnings ', 'Choose Not To Use Archive Warnings'],
    ['Rape/Non-Con', 'Rape/Non-Con'],
  ])('%j names %j', (spelling, name) => {
    expect(findWarning(spelling)?.name).toBe(name);
  });

  it('knows nothing else', () => {
    expect(findWarning('Angst')).toBeUndefined();
    expect(findWarning('Underage Drinking')).toBeUndefined();
  });
});

describe('warningSpellings', () => {
  it('gives the value first, then its other spellings', () => {
    expect(warningSpellings('underage')).toEqual(['underage', 'underage sex']);
    expect(warningSpellings('underage sex')).toEqual(['underage sex', 'underage']);
    expect(warningSpellings('creator chose not to use archive warnings')).toEqual([
      'creator chose not to use archive warnings',
      'choose not to use archive warnings',
    ]);
    expect(warningSpellings('major character death')).toEqual(['major character death']);
    expect(warningSpellings('angst')).toEqual(['angst']);
  });
});
