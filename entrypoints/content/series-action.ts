/**
 * "Hide this series" on a series page: one trusted click adds a rule on that series (its id, its name
 * kept for lists and placeholders), and the live rule watch collapses its works. A page script's
 * `.click()` does nothing. The series' name is page text and goes in as text only.
 */
import { t } from '../../lib/i18n';
import { addRule } from '../../lib/storage';
import { mark } from './marks';
import type { Feature, Page } from './page';
import { onTrustedClick } from './trusted';

export const SERIES_ACTION = 'data-lamplight-series-action';

function startSeriesAction(page: Page, signal: AbortSignal): void {
  if (!page.adapter.readSeriesPage) return;
  const series = page.adapter.readSeriesPage(page.doc, page.url);
  if (!series) return;
  const doc = page.doc;
  const holder = doc.createElement('p');
  mark(holder, SERIES_ACTION);
  holder.style.margin = '0.25em 0 0.75em'; // spacing only: the button keeps the site's own button look
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('seriesHideButton');
  if (series.title) button.setAttribute('aria-label', t('seriesHideButtonLabel', series.title));
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  onTrustedClick(button, () => {
    button.disabled = true;
    const rule = {
      field: 'series' as const,
      pattern: `${series.site}:${series.id}`,
      action: 'collapse' as const,
      enabled: true,
      ...(series.title ? { seriesTitle: series.title.slice(0, 500) } : {}),
    };
    addRule(rule).then(
      () => {
        status.textContent = t('seriesHidden', series.title || series.id);
      },
      (error: unknown) => {
        button.disabled = false;
        console.warn('Lamplight could not hide that series.', error);
      },
    );
  });
  holder.append(button, ' ', status);
  series.anchor.after(holder);
  signal.addEventListener('abort', () => holder.remove(), { once: true });
}

/** On listings (a series page is one). */
export const seriesAction: Feature = { name: 'series action', kinds: ['listing'], start: startSeriesAction };
