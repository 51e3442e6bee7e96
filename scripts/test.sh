#!/usr/bin/env bash
# Builds and runs every test project in the solution (Release, one project at a
# time), then prints one total line for all assemblies, as the last line:
#   Tests: N passed, N failed, N skipped
# Exits non-zero if the build or any test failed, or if no test ran.
# Extra arguments go to `dotnet test` (e.g. --filter "Category!=Integration").
set -euo pipefail
cd "$(dirname "$0")/.."

sln=MobileSource.sln
[ -f "$sln" ] || sln=MobileSource.slnx
results=TestResults/trx
rm -rf "$results"

rc=0
dotnet test "$sln" -m:1 -c Release \
  --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@" || rc=$?

# Sum the <Counters .../> of every TRX file (one per test assembly).
# Skipped tests are counted in total but not in executed.
passed=0 failed=0 skipped=0
declare -A c
shopt -s nullglob
for f in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$f")
  for k in total executed passed failed error timeout aborted; do
    [[ $counters =~ \ $k=\"([0-9]+)\" ]] || { echo "test.sh: no '$k' counter in $f" >&2; exit 1; }
    c[$k]=${BASH_REMATCH[1]}
  done
  passed=$((passed + c[passed]))
  failed=$((failed + c[failed] + c[error] + c[timeout] + c[aborted]))
  skipped=$((skipped + c[total] - c[executed]))
done

if [ "$rc" -ne 0 ]; then
  echo "test.sh: FAILED: dotnet test exited with $rc (a build error, a failed test or a crashed test host: see above)"
elif [ $((passed + failed)) -eq 0 ]; then
  echo "test.sh: FAILED: no test ran"
  rc=1
elif [ "$failed" -ne 0 ]; then
  rc=1
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
