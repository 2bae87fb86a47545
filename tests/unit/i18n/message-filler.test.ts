import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { messageFiller } from '../../../lib/i18n';

describe('a message asked for once and filled in many times', () => {
  it('fills each substitution as getMessage would, asking the browser once', () => {
    const getMessage = vi.spyOn(browser.i18n, 'getMessage');
    const label = messageFiller('filterHideWorkLabel');
    expect(getMessage).not.toHaveBeenCalled();
    expect(label('The Long Way Round')).toBe('Hide this work: The Long Way Round');
    expect(label('Price: $5 & $$1 <b>')).toBe('Hide this work: Price: $5 & $$1 <b>');
    expect(label('')).toBe('Hide this work: ');
    expect(getMessage).toHaveBeenCalledTimes(1);
    getMessage.mockRestore();
  });

  it('leaves a substitution that looks like a slot as written', () => {
    const hid = messageFiller('filterHidWork', 2);
    expect(hid('\uE0001\uE001', 'someone')).toBe('Hidden: “\uE0001\uE001” by someone. It stays hidden everywhere until you undo or remove the rule.');
  });

  it('fills several substitutions in their places', () => {
    const hid = messageFiller('filterHidWork', 2);
    expect(hid('A Title', 'someone')).toBe('Hidden: “A Title” by someone. It stays hidden everywhere until you undo or remove the rule.');
  });
});
