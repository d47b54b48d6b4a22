using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Bank imports (issue 11). An upload is kept (its bytes compressed) from preview to commit, so a commit can re-read it
/// with another mapping; committing marks it, undoing deletes its transactions. An imported transaction carries its
/// import and its de-duplication key (the hash of the OFX FITID with the statement account, or of the fingerprint), unique
/// per user, so a re-import finds what it added before in one index lookup, and deleting the transaction frees its key.
/// Rules rename and categorise payees on import; CSV mappings are remembered per account.
/// </summary>
[Migration(8, "Imports, import rules, CSV mappings")]
public sealed class M0008_Imports : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE imports (
            id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
            user_id       BIGINT        NOT NULL,
            account_id    BIGINT        NULL,
            file_name     VARCHAR(255)  NOT NULL,
            format        VARCHAR(10)   NOT NULL,
            status        VARCHAR(10)   NOT NULL,
            content       LONGBLOB      NULL,
            mapping       TEXT          NULL,
            row_count     INT           NOT NULL DEFAULT 0,
            added_count   INT           NOT NULL DEFAULT 0,
            created_at    DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
            committed_at  DATETIME(6)   NULL,
            KEY ix_imports_user_created (user_id, created_at),
            KEY ix_imports_status_created (status, created_at),
            CONSTRAINT fk_imports_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
            CONSTRAINT fk_imports_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

        ALTER TABLE transactions
            ADD COLUMN import_id  BIGINT     NULL,
            ADD COLUMN import_key BINARY(32) NULL,
            ADD UNIQUE KEY ux_transactions_user_import_key (user_id, import_key),
            ADD KEY ix_transactions_user_import (user_id, import_id),
            ADD CONSTRAINT fk_transactions_import FOREIGN KEY (import_id) REFERENCES imports (id) ON DELETE SET NULL;

        CREATE TABLE import_rules (
            id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
            user_id      BIGINT        NOT NULL,
            position     INT           NOT NULL,
            match_kind   VARCHAR(10)   NOT NULL,
            pattern      VARCHAR(200)  NOT NULL,
            category_id  BIGINT        NULL,
            rename_payee VARCHAR(200)  NULL,
            add_tag      VARCHAR(50)   NULL,
            created_at   DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
            KEY ix_import_rules_user_position (user_id, position, id),
            CONSTRAINT fk_import_rules_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
            CONSTRAINT fk_import_rules_category FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

        CREATE TABLE import_mappings (
            account_id  BIGINT       NOT NULL PRIMARY KEY,
            user_id     BIGINT       NOT NULL,
            mapping     TEXT         NOT NULL,
            updated_at  DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
            KEY ix_import_mappings_user (user_id),
            CONSTRAINT fk_import_mappings_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
        """);

    public override void Down() => Execute.Sql("""
        DROP TABLE import_mappings;
        DROP TABLE import_rules;
        ALTER TABLE transactions DROP FOREIGN KEY fk_transactions_import, DROP KEY ux_transactions_user_import_key,
            DROP KEY ix_transactions_user_import, DROP COLUMN import_id, DROP COLUMN import_key;
        DROP TABLE imports;
        """);
}
