using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Refresh tokens already exchanged, by hash, until they would have expired anyway: a second use is a stolen
/// copy (or a replay) and signs the person out everywhere.
/// </summary>
[Migration(6, "Used refresh tokens")]
public sealed class M0006_UsedRefreshTokens : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE used_refresh_tokens (
            token_hash  BINARY(32)  NOT NULL PRIMARY KEY,
            user_id     BIGINT      NOT NULL,
            expires_at  DATETIME(6) NOT NULL,
            KEY ix_used_refresh_tokens_expires (expires_at),
            CONSTRAINT fk_used_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
        ) ENGINE = InnoDB
        """);

    public override void Down() => Execute.Sql("DROP TABLE used_refresh_tokens");
}
