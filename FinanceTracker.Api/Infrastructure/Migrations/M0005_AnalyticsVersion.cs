using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// A per-user counter bumped by every write and made part of every analytics cache key. It lives in
/// MySQL, not Redis, so a write made while Redis is down still retires the entries cached before it.
/// </summary>
[Migration(5, "Analytics cache version")]
public sealed class M0005_AnalyticsVersion : Migration
{
    public override void Up() =>
        Execute.Sql("ALTER TABLE users ADD COLUMN analytics_version BIGINT NOT NULL DEFAULT 0");

    public override void Down() =>
        Execute.Sql("ALTER TABLE users DROP COLUMN analytics_version");
}
