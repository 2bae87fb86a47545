import { describe, expect, it } from 'vitest';
import { aspectRatioOf } from '../../../lib/reader/media';

describe('aspectRatioOf: the shape an embed keeps in the reader', () => {
  it('takes the page’s width and height attributes (a YouTube embed of works/4491333)', () => {
    expect(aspectRatioOf('854', '510')).toBe('854 / 510');
    expect(aspectRatioOf(' 560px ', '315')).toBe('560 / 315');
  });

  it('has none when either is missing, relative or not a positive number', () => {
    expect(aspectRatioOf(null, '510')).toBeNull();
    expect(aspectRatioOf('100%', '510')).toBeNull();
    expect(aspectRatioOf('854', '0')).toBeNull();
    expect(aspectRatioOf('wide', 'tall')).toBeNull();
  });
});
