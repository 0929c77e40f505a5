#!/usr/bin/env bash
# Regenerates the SQLite compiled models (services/*/Data/CompiledModels) after a model change: the standalone host loads
# them instead of building each model at start-up. CompiledModelTests fails while one is out of date with its context.
# The generated assembly attribute is removed: EF would otherwise use the SQLite model for PostgreSQL too; the host
# picks it only on SQLite ([CompiledSqliteModel] on the context).
# Usage: eng/compiled-models.sh [Service ...]   (default: all six stores)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(Cases Exposure Assessment Secondment Disclosure WebConsole)
for service in "${services[@]}"; do
  out="services/$service/Data/CompiledModels"
  rm -rf "$out"
  dotnet ef dbcontext optimize --project "services/$service" --context "${service}DbContext" --output-dir Data/CompiledModels \
    --namespace "Ducha.$service.Data.CompiledModels" -- --provider sqlite
  rm -f "$out/${service}DbContextAssemblyAttributes.cs"
done
