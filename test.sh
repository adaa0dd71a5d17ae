#!/usr/bin/env bash
# The one test command (README): installs what the tests need on a fresh machine, runs every test of
# the solution and ends with the line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing ${need[*]} ..."
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null \
        || { echo "apt-get could not install ${need[*]}"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi

dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test ZealthyEmr.sln --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -z "$trx" ]; then
    echo "The tests did not run (build failure?)."
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

counter() { grep -o "<Counters [^>]*" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
skipped=$(counter notExecuted)
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
