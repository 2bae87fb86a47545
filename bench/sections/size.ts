/** Size: the content script and the popup's JS as built, gzipped (same code as `npm run size`). */
import type { Bench } from '../context';
import { BUDGETS, measureSizes, type FileSizes } from '../size-budget.mjs';

export function sizeSection(bench: Bench): void {
  const sizes = measureSizes(bench.extensionDir);
  bench.raw.size = sizes;
  const section = 'Size: gzipped (level 9), as built in .output/chrome-mv3';
  const row = (name: string, m: FileSizes, budget: number, reference = '') =>
    bench.rows.push({
      section,
      name,
      lamplight: { kind: 'value', unit: 'bytes', value: m.gzip },
      target: { text: `< ${(budget / 1024).toFixed(1)} KB`, met: m.files.length > 0 && m.gzip <= budget },
      note: `${(m.bytes / 1024).toFixed(1)} KB minified; ${m.files.join(', ')}${reference}`,
    });
  row(
    "content script (a site's pages but work pages; all a listing loads; the larger site's)",
    sizes.content,
    BUDGETS.content,
    "; AO3 Enhancements 0.7's content script: 14.5 KB (issue 17, which aims at 15 KB at document_start and 25 KB in all)",
  );
  row("work script (a site's work pages: the same plus the reader; the larger site's)", sizes.work, BUDGETS.work);
  row('popup (all JS popup.html loads)', sizes.popup, BUDGETS.popup);
}
