#!/usr/bin/env bash
# Adds an EF Core migration named $1 for every provider (SQLite, PostgreSQL, SQL Server), so the three
# schemas never drift apart. No database is needed: each migrations project has a design-time factory.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/MobileSource.Server -m:1 -v q -nologo
for provider in Sqlite PostgreSql SqlServer; do
  project=src/MobileSource.Migrations.$provider
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
    --context MobileSourceDbContext --output-dir Migrations
done
