/** From the rules that matched a work to what happens to it. */

import type { Judgement, Reason, RuleAction } from './types';

export interface Match {
  action: RuleAction;
  reason: Reason;
}

const reasonsOf = (matches: readonly Match[], keep: (action: RuleAction) => boolean): Reason[] =>
  matches.filter((m) => keep(m.action)).map((m) => m.reason);

/**
 * `allow` wins over everything (show, reasons: the allow rules); then `hide`, `collapse`, `dim`.
 * A hidden work lists every hide and collapse reason, a collapsed one its collapse reasons, a
 * dimmed one its dim reasons (a dim rule never says why a work is hidden). `matches` in rule order.
 */
export function decide(matches: readonly Match[]): Judgement {
  if (matches.length === 0) return { action: 'show', reasons: [] };
  let allow = false;
  let hide = false;
  let collapse = false;
  for (const m of matches) {
    if (m.action === 'allow') allow = true;
    else if (m.action === 'hide') hide = true;
    else if (m.action === 'collapse') collapse = true;
  }
  if (allow) return { action: 'show', reasons: reasonsOf(matches, (a) => a === 'allow') };
  if (hide) return { action: 'hide', reasons: reasonsOf(matches, (a) => a === 'hide' || a === 'collapse') };
  if (collapse) return { action: 'collapse', reasons: reasonsOf(matches, (a) => a === 'collapse') };
  return { action: 'dim', reasons: matches.map((m) => m.reason) };
}
