import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { continuePastAdultGate } from '../../../entrypoints/content/adult-gate';
import { ao3 } from '../../../lib/sites/ao3';
import { saveReaderSettings } from '../../../lib/storage';
import { ao3Url, loadFixture } from '../sites/ao3-fixtures';
import { createPage } from '../../../entrypoints/content/page';

const GATE_URL = ao3Url('/works/38044144/chapters/95026165#lamplight-reader');
// The 2022 fixture's own link: <a href="/works/38044144/chapters/95026165?view_adult=true">Proceed</a>
const CONTINUE = 'https://archiveofourown.org/works/38044144/chapters/95026165?view_adult=true';

function fakeLocation() {
  const replaced: string[] = [];
  return { replaced, location: { replace: (href: string) => replaced.push(href) } as unknown as Location };
}

describe('adult-content gate', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the adapter finds the gate’s continue link, and none on a work page', () => {
    expect(ao3.adultGateContinueUrl(loadFixture('adult-interstitial-2022-38044144.html'), GATE_URL)).toBe(CONTINUE);
    const work = loadFixture('work-oneshot-323217.html');
    expect(ao3.adultGateContinueUrl(work, ao3Url('/works/323217'))).toBeNull();
  });

  it('stays on the gate unless the reader opted in', async () => {
    const { replaced, location } = fakeLocation();
    const doc = loadFixture('adult-interstitial-2022-38044144.html');
    await continuePastAdultGate(createPage(ao3, GATE_URL, 'adult-gate', doc), location);
    expect(replaced).toEqual([]);
  });

  it('with the setting on, continues to the work and keeps the reader marker', async () => {
    await saveReaderSettings({ skipAdultGate: true });
    const { replaced, location } = fakeLocation();
    const doc = loadFixture('adult-interstitial-2022-38044144.html');
    await continuePastAdultGate(createPage(ao3, GATE_URL, 'adult-gate', doc), location);
    expect(replaced).toEqual([`${CONTINUE}#lamplight-reader`]);
  });

  it('never loops on a gate reached through its own continue link', async () => {
    await saveReaderSettings({ skipAdultGate: true });
    const { replaced, location } = fakeLocation();
    const doc = loadFixture('adult-interstitial-2022-38044144.html');
    await continuePastAdultGate(createPage(ao3, new URL(CONTINUE), 'adult-gate', doc), location);
    expect(replaced).toEqual([]);
  });

  describe('a page is the gate only by the gate’s own markup, and continues only to the same work here', () => {
    const gate = () => loadFixture('adult-interstitial-2022-38044144.html');
    const proceed = (doc: Document) => doc.querySelector('#main > ul.actions a[href*="view_adult"]')!;

    it.each([
      ['another host', 'https://evil.example/works/38044144/chapters/95026165?view_adult=true'],
      ['a look-alike host', 'https://archiveofourown.org.evil.example/works/38044144?view_adult=true'],
      ['plain http', 'http://archiveofourown.org/works/38044144?view_adult=true'],
      ['another work', '/works/1?view_adult=true'],
      ['no view_adult', '/works/38044144?view_adultx=true'],
    ])('a continue link to %s is not followed', async (_name, href) => {
      const doc = gate();
      proceed(doc).setAttribute('href', href);
      expect(ao3.adultGateContinueUrl(doc, GATE_URL)).toBeNull();
      await saveReaderSettings({ skipAdultGate: true });
      const { replaced, location } = fakeLocation();
      await continuePastAdultGate(createPage(ao3, GATE_URL, 'adult-gate', doc), location);
      expect(replaced).toEqual([]);
    });

    it('a view_adult link in a series page’s description makes no gate', () => {
      const doc = loadFixture('series-6-works-2270465.html');
      const description = doc.querySelector('#main .series.meta blockquote.userstuff, #main blockquote.userstuff')!;
      const link = doc.createElement('a');
      link.href = 'https://evil.example/works/1?view_adult=true';
      description.append(link);
      expect(ao3.classify(doc, ao3Url('/series/2270465'))).toBe('listing');
      expect(ao3.adultGateContinueUrl(doc, ao3Url('/series/2270465'))).toBeNull();
    });
  });
});

