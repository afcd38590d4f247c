#!/usr/bin/env bash
# The wheel as a user gets it: build it, install it with the stock pip of a bare `python3 -m venv` (the versions CI
# tested, from constraints.txt), then run `briefer --help`, a brief of one HTML page and a brief of the seeds.
# Usage: scripts/wheel-check.sh PYTHON BUILD_PYTHON   (PYTHON makes the bare venv; BUILD_PYTHON has pip to build)
set -euo pipefail
python=${1:-python3}
build_python=${2:-.venv/bin/python}
root=$(pwd)
work=$root/build/wheel-check
rm -rf "$work" && mkdir -p "$work"

"$build_python" -m pip wheel -q --no-deps -w "$work/dist" .
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip --version
"$work/venv/bin/python" -m pip install -q -c constraints.txt "$work"/dist/briefer-*.whl

cd "$work"  # away from the source tree: only the installed wheel can be imported
venv/bin/briefer --help >/dev/null
seed=$(ls "$root"/seeds/*.txt | head -n 1)
{ echo '<!doctype html><html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>'
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/.*/<p>&<\/p>/' "$seed"
  echo '</article></body></html>'; } > page.html
venv/bin/briefer brief page.html --out out-html --no-history --format md,html,pdf,json 2> html.log \
  || { cat html.log; exit 1; }
grep -q "^Briefed 1 article" html.log || { cat html.log; echo "wheel-check: the HTML page gave no article"; exit 1; }
venv/bin/briefer brief "$root/seeds" --out out-seeds --no-history 2> seeds.log || { cat seeds.log; exit 1; }
for name in brief.md brief.html brief.pdf briefing.json; do
  test -s "out-html/$name" && test -s "out-seeds/$name" || { echo "wheel-check: $name missing"; exit 1; }
done
echo "wheel-check: the wheel installs into a bare venv and briefs an HTML page and the seeds"
