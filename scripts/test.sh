#!/usr/bin/env bash
# The one test command (`npm test`): build both browsers, typecheck, lint, no over-long code
# (scripts/long-code.mjs), unit tests, E2E in Chromium and Firefox ESR, size budget, quick bench,
# web-ext lint, zips, and the mutation gate of lib/filters, lib/bookmarks and lib/reader
# (scripts/mutate.mjs: Stryker reusing the committed results in tests/mutation/, a few minutes when
# nothing changed; last, because it rewrites lib/ files while it runs). Runs every
# step even when one fails, then prints a summary whose last line is exactly "N passed, N failed"
# (Vitest suites count their tests; every other check counts as one test) and exits non-zero if
# anything failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NO_UPDATE_NOTIFIER=1 # web-ext: no update check (there is no internet in CI)

# --- Browsers -------------------------------------------------------------------------------------
find_browser() { # first executable found: $1 (an override path), then the names on PATH
  local override=$1 name
  shift
  if [[ -n $override && -x $override ]]; then
    echo "$override"
    return 0
  fi
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

CHROMIUM_PATH=$(find_browser "${CHROMIUM_PATH:-}" chromium chromium-browser || true)
FIREFOX_PATH=$(find_browser "${FIREFOX_PATH:-}" firefox-esr || true)
if [[ -z $CHROMIUM_PATH || -z $FIREFOX_PATH ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and firefox-esr with apt-get..."
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium firefox-esr; } || true
    CHROMIUM_PATH=$(find_browser "" chromium chromium-browser || true)
    FIREFOX_PATH=$(find_browser "" firefox-esr || true)
  fi
fi
if [[ -z $CHROMIUM_PATH || -z $FIREFOX_PATH ]]; then
  echo "E2E tests need Chromium and Firefox ESR: install them (Debian/Ubuntu: sudo apt-get install -y chromium firefox-esr) or set CHROMIUM_PATH and FIREFOX_PATH." >&2
  exit 1
fi
export CHROMIUM_PATH FIREFOX_PATH

# --- Bookkeeping ----------------------------------------------------------------------------------
REPORTS=$(mktemp -d "${TMPDIR:-/tmp}/lamplight-test.XXXXXX")
trap 'rm -rf "$REPORTS"' EXIT

TOTAL_PASSED=0
TOTAL_FAILED=0
SUMMARY=()
FAILED_TESTS=() # names of failed Vitest tests, repeated beside the summary where a log's tail shows them

record() { # name passed failed
  TOTAL_PASSED=$((TOTAL_PASSED + $2))
  TOTAL_FAILED=$((TOTAL_FAILED + $3))
  SUMMARY+=("$(printf '%-12s %3d passed, %d failed' "$1" "$2" "$3")")
}

section() { printf '\n=== %s ===\n' "$1"; }

check() { # name command...: a single pass/fail check
  local name=$1
  shift
  section "$name"
  if "$@"; then record "$name" 1 0; else record "$name" 0 1; fi
}

vitest_suite() { # name vitest-args...: counts from Vitest's JSON report
  local name=$1 report="$REPORTS/$1.json" status=0 counts passed failed
  shift
  section "$name"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$report" || status=$?
  # One read of the report: its counts on the first line, then each failed test's name.
  local report_lines=()
  mapfile -t report_lines < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.numPassedTests, r.numFailedTests, r.numTotalTests, r.numFailedTestSuites);
    for (const file of r.testResults) {
      const where = require("path").relative(process.cwd(), file.name);
      if (file.status === "failed" && file.assertionResults.length === 0) console.log(`${process.argv[2]}: ${where}: ${file.message}`.slice(0, 300));
      for (const t of file.assertionResults) if (t.status === "failed") console.log(`${process.argv[2]}: ${where}: ${t.fullName}`);
    }
  ' "$report" "$name" 2>/dev/null || true)
  counts=${report_lines[0]:-}
  FAILED_TESTS+=("${report_lines[@]:1}")
  if [[ -n $counts ]]; then
    read -r passed failed _total failed_files <<<"$counts"
    # A file that fails to load, or errors outside tests, fail the suite without failing a test.
    if ((failed == 0 && (status != 0 || failed_files > 0))); then failed=1; fi
  else
    echo "$name: Vitest wrote no readable report (exit status $status)" >&2
    passed=0
    failed=1
  fi
  record "$name" "$passed" "$failed"
}

# Known `web-ext lint` warnings: code, file (regex) and the flagged source text (regex, matched at
# the reported line:column). Anything else, and any error, fails.
#  - UNSAFE_VAR_ASSIGNMENT: Preact's own renderer assigns innerHTML for dangerouslySetInnerHTML
#    (`n.innerHTML=f.__html`, in whichever chunk Vite puts Preact: popup-*.js, jsxRuntime.module-*.js).
#    Our code never sets innerHTML.
KNOWN_LINT_WARNINGS='[{"code":"UNSAFE_VAR_ASSIGNMENT","file":"\\.js$","source":"^[\\w$]+\\.innerHTML=[\\w$]+\\.__html\\b"}]'

lint_firefox() {
  local out="$REPORTS/web-ext-lint.json" status=0
  npx web-ext lint --source-dir .output/firefox-mv2 --output json >"$out" || status=$?
  KNOWN="$KNOWN_LINT_WARNINGS" node -e '
    const fs = require("fs");
    let report;
    try { report = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); }
    catch { console.error("web-ext lint gave no JSON report"); process.exit(1); }
    const known = JSON.parse(process.env.KNOWN);
    const show = (m) => `  ${m.code} ${m.file ?? ""}${m.line ? ":" + m.line : ""}: ${m.message}`;
    const sourceAt = (w) => {
      try {
        const line = fs.readFileSync(`.output/firefox-mv2/${w.file}`, "utf8").split("\n")[w.line - 1] ?? "";
        return line.slice(w.column - 1, w.column + 199);
      } catch { return ""; }
    };
    const expected = (w) => known.some((k) =>
      k.code === w.code && new RegExp(k.file).test(w.file ?? "") && new RegExp(k.source).test(sourceAt(w)));
    const unexpected = report.warnings.filter((w) => !expected(w));
    console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexpected.length} known), ${report.notices.length} notices`);
    for (const w of report.warnings.filter(expected)) console.log("known warning:" + show(w).slice(1));
    for (const e of report.errors) console.error("ERROR" + show(e).slice(1));
    for (const w of unexpected) console.error("unexpected warning (fix it, or list it in scripts/test.sh):" + show(w).slice(1));
    process.exit(report.errors.length || unexpected.length ? 1 : 0);
  ' "$out" || return 1
  # web-ext exits non-zero on errors only; the JSON verdict above is the one that counts.
  [[ $status == 0 ]] || echo "(web-ext lint exited with status $status)"
}

zips() {
  rm -f .output/*.zip
  npm run zip || return 1
  local kind ok=0
  for kind in chrome firefox sources; do
    if compgen -G ".output/*-$kind.zip" >/dev/null; then
      echo "found $(compgen -G ".output/*-$kind.zip" | head -n1)"
    else
      echo "missing .output/*-$kind.zip" >&2
      ok=1
    fi
  done
  return $ok
}

# --- The run --------------------------------------------------------------------------------------
echo "Chromium: $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null | head -n1 || echo '?'))"
echo "Firefox:  $FIREFOX_PATH ($("$FIREFOX_PATH" --version 2>/dev/null | head -n1 || echo '?'))"

check build npm run build
check typecheck npx tsc --noEmit
check lint npx oxlint --deny-warnings
check long-code node scripts/long-code.mjs
vitest_suite unit
vitest_suite e2e -c vitest.e2e.config.ts
check size node bench/size-budget.mjs
check bench node bench/run.mjs --quick
check lint-firefox lint_firefox
check zip zips
# If the committed results could not be reused, a full run would take most of an hour: stop at 20 min.
check mutation timeout 1200 node scripts/mutate.mjs

section summary
if ((${#FAILED_TESTS[@]} > 0)); then printf 'failed: %s\n' "${FAILED_TESTS[@]}"; fi
printf '%s\n' "${SUMMARY[@]}"
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
((TOTAL_FAILED == 0))
