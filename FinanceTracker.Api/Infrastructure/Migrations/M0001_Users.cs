using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>Identity users (one row per person; 2FA key and recovery codes inline) and data-protection keys.</summary>
[Migration(1, "Users and data-protection keys")]
public sealed class M0001_Users : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE users (
                id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
                user_name            VARCHAR(256) NULL,
                normalized_user_name VARCHAR(256) NULL,
                email                VARCHAR(256) NULL,
                normalized_email     VARCHAR(256) NULL,
                email_confirmed      BOOLEAN      NOT NULL DEFAULT FALSE,
                password_hash        VARCHAR(512) NULL,
                security_stamp       VARCHAR(64)  NULL,
                concurrency_stamp    VARCHAR(64)  NULL,
                two_factor_enabled   BOOLEAN      NOT NULL DEFAULT FALSE,
                lockout_end          DATETIME(6)  NULL,
                lockout_enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
                access_failed_count  INT          NOT NULL DEFAULT 0,
                authenticator_key    VARCHAR(256) NULL,
                recovery_codes       VARCHAR(2048) NULL,
                created_at           DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
                UNIQUE KEY ux_users_normalized_user_name (normalized_user_name),
                UNIQUE KEY ux_users_normalized_email (normalized_email)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);

        Execute.Sql("""
            CREATE TABLE data_protection_keys (
                id            INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
                friendly_name VARCHAR(200) NOT NULL,
                xml           MEDIUMTEXT   NOT NULL,
                created_at    DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE data_protection_keys");
        Execute.Sql("DROP TABLE users");
    }
}
