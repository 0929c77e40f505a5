#!/usr/bin/env bash
# Builds the solution and runs every test project, one after another (the integration suites start their own
# RabbitMQ and PostgreSQL servers; two cores do not run several of those well at once).
# Usage: eng/test.sh [extra dotnet test arguments, e.g. --filter Name~Outbox]
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore >/dev/null
dotnet build Ducha.slnx -c Release -nologo -clp:ErrorsOnly

mapfile -t projects < <(find tests -name '*Tests.csproj' | sort)
results=$(mktemp -d)
status=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  echo "==> $name"
  if ! dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@"; then
    status=1
  fi
done

# One closing line for the whole suite, summed over every project's results.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit $status
