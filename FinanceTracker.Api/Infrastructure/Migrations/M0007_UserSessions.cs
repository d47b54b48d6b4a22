using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// One row per sign-in: the access and refresh tokens of a sign-in name its session, and a token whose session is
/// gone answers 401 from the next request on (sign-out, "sign out everywhere", password or two-factor changes).
/// Also the last authenticator time step accepted per person, so a code works once.
/// </summary>
[Migration(7, "User sessions")]
public sealed class M0007_UserSessions : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE user_sessions (
            id            BINARY(16)   NOT NULL PRIMARY KEY,
            user_id       BIGINT       NOT NULL,
            created_at    DATETIME(6)  NOT NULL,
            last_seen_at  DATETIME(6)  NOT NULL,
            expires_at    DATETIME(6)  NOT NULL,
            user_agent    VARCHAR(256) NULL,
            ip_address    VARCHAR(45)  NULL,
            KEY ix_user_sessions_user (user_id, expires_at),
            KEY ix_user_sessions_expires (expires_at),
            CONSTRAINT fk_user_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
        ) ENGINE = InnoDB;
        ALTER TABLE users ADD COLUMN authenticator_last_step BIGINT NULL;
        """);

    public override void Down() => Execute.Sql("""
        DROP TABLE user_sessions;
        ALTER TABLE users DROP COLUMN authenticator_last_step;
        """);
}
