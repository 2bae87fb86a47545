import type { Reason } from '../../../lib/filters/types';
import { t } from '../../../lib/i18n';
import { mark, marked } from '../marks';
import { onTrustedClick } from '../trusted';
import { reasonText } from './placeholder';

export const SHIELD = 'data-lamplight-shield';

export interface ShieldActions {
  onShow(): void;
  onAlwaysShow(): void;
}

/** Stands in front of a work that matches the reader's filters, before any of its text shows. */
export function createShield(doc: Document, reasons: readonly Reason[], actions: ShieldActions): HTMLElement {
  const shield = doc.createElement('section');
  mark(shield, SHIELD);
  shield.setAttribute('aria-labelledby', 'lamplight-shield-heading');
  const heading = doc.createElement('h2');
  heading.id = 'lamplight-shield-heading';
  heading.textContent = t('filterShieldHeading');
  const why = doc.createElement('p');
  why.textContent = t('filterShieldReasons', reasonText(reasons));
  const show = doc.createElement('button');
  show.type = 'button';
  show.textContent = t('filterShowAnyway');
  show.addEventListener('click', actions.onShow);
  const always = doc.createElement('button');
  always.type = 'button';
  always.textContent = t('filterAlwaysShow');
  onTrustedClick(always, actions.onAlwaysShow);
  shield.append(heading, why, show, ' ', always);
  return shield;
}

const S = marked(SHIELD);

export const SHIELD_CSS = `
${S} {
  margin: 2em auto;
  max-width: 38em;
  padding: 1.5em 1.75em;
  border: 1px solid #8a7f72;
  border-radius: 10px;
  background: #faf7f2;
  color: #2b251f;
  font: 1rem/1.5 system-ui, sans-serif;
}
${S} h2 { margin: 0 0 0.5em; font-size: 1.25rem; }
${S} button {
  margin: 0.5em 0.5em 0 0;
  padding: 0.35em 0.9em;
  border: 1px solid #6b5f52;
  border-radius: 5px;
  background: #fff;
  color: #2b251f;
  font: inherit;
  cursor: pointer;
}
${S} button:focus-visible { outline: 2px solid #1d5fd1; outline-offset: 2px; }
`;
