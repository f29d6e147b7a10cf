#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile, the default form factor and throttling) on the four reader pages of a running portal.
# Usage: run-lighthouse.sh BASE_URL ARTICLE_PATH CATEGORY_PATH [OUT_DIR]
# Prints one line per page: performance, accessibility, best practices, SEO (0-100), CLS and TBT.
set -euo pipefail
base=${1:?base URL}; article=${2:?article path}; category=${3:?category path}; out=${4:-/tmp/q11-lighthouse}
mkdir -p "$out"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
declare -A pages=([home]="/" [article]="$article" [category]="$category" [search]="/tim-kiem?q=%C4%91%E1%BA%A3ng+b%E1%BB%99")
for name in home article category search; do
  # A busy machine sometimes loses the trace (NO_NAVSTART): try again, up to three times.
  for attempt in 1 2 3; do
    npx -y lighthouse@12.2.3 "$base${pages[$name]}" --quiet --chrome-flags="--headless=new --no-sandbox" \
      --output=json --output-path="$out/$name.json" >/dev/null 2>&1 && break
    [ "$attempt" = 3 ] && { echo "$name: Lighthouse failed three times"; continue 2; }
  done
  python3 - "$out/$name.json" "$name" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = {k: round(v['score'] * 100) for k, v in d['categories'].items()}
a = d['audits']
print(f"{sys.argv[2]:9} perf {c['performance']:3}  a11y {c['accessibility']:3}  bp {c['best-practices']:3}  seo {c['seo']:3}"
      f"  CLS {a['cumulative-layout-shift']['numericValue']:.3f}  TBT {a['total-blocking-time']['numericValue']:.0f} ms"
      f"  LCP {a['largest-contentful-paint']['numericValue']:.0f} ms")
PY
done
