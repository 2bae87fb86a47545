/** From the rules that matched a work to what happens to it. */

import type { Judgement, Reason, RuleAction } from './types';

export interface Match {
  action: RuleAction;
  reason: Reason;
}

/**
 * `allow` wins over everything (show, reasons: the allow rules); otherwise `hide` beats
 * `collapse`, and a hidden work lists every hide and collapse reason. `matches` in rule order.
 */
export function decide(matches: readonly Match[]): Judgement {
  if (matches.length === 0) return { action: 'show', reasons: [] };
  let allow = false;
  let hide = false;
  for (const m of matches) {
    if (m.action === 'allow') allow = true;
    else if (m.action === 'hide') hide = true;
  }
  if (allow) {
    return { action: 'show', reasons: matches.filter((m) => m.action === 'allow').map((m) => m.reason) };
  }
  return { action: hide ? 'hide' : 'collapse', reasons: matches.map((m) => m.reason) };
}
