#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine, then run it all.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh -k matcher`).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt

# Browser tests drive Debian's Chromium; the HTML validator needs Java.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Not installed: ${missing[*]} (sudo apt-get install ${missing[*]}); the tests that need them will skip." >&2
  fi
fi

export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest --durations=10 "$@"
