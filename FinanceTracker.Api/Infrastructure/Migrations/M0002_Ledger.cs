using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Accounts, categories, transactions and tags. Every row carries user_id, and every index starts
/// with it, so one user's million rows never slow down another's queries.
/// </summary>
[Migration(2, "Accounts, categories, transactions, tags")]
public sealed class M0002_Ledger : Migration
{
    public override void Up()
    {
        // transactions_total is kept in step with transactions inside the same DB transaction,
        // so a balance is one row read, not a sum over a million rows.
        Execute.Sql("""
            CREATE TABLE accounts (
                id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
                user_id            BIGINT        NOT NULL,
                name               VARCHAR(100)  NOT NULL,
                type               VARCHAR(20)   NOT NULL,
                currency           CHAR(3)       NOT NULL,
                opening_balance    DECIMAL(19,4) NOT NULL DEFAULT 0,
                transactions_total DECIMAL(30,4) NOT NULL DEFAULT 0,
                archived           BOOLEAN       NOT NULL DEFAULT FALSE,
                created_at         DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
                updated_at         DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
                KEY ix_accounts_user_name (user_id, name),
                CONSTRAINT fk_accounts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);

        Execute.Sql("""
            CREATE TABLE categories (
                id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
                user_id    BIGINT       NOT NULL,
                name       VARCHAR(100) NOT NULL,
                kind       VARCHAR(10)  NOT NULL,
                parent_id  BIGINT       NULL,
                color      CHAR(7)      NULL,
                created_at DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
                UNIQUE KEY ux_categories_user_kind_name (user_id, kind, name),
                CONSTRAINT fk_categories_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
                CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE SET NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);

        // The three secondary indexes serve newest-first keyset paging (date, id) for all rows, one
        // account, or one category, and carry currency + amount so counts and totals are index-only.
        Execute.Sql("""
            CREATE TABLE transactions (
                id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
                user_id      BIGINT        NOT NULL,
                account_id   BIGINT        NOT NULL,
                category_id  BIGINT        NULL,
                booking_date DATE          NOT NULL,
                amount       DECIMAL(19,4) NOT NULL,
                currency     CHAR(3)       NOT NULL,
                payee        VARCHAR(200)  NOT NULL DEFAULT '',
                notes        VARCHAR(2000) NOT NULL DEFAULT '',
                version      INT           NOT NULL DEFAULT 1,
                created_at   DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
                updated_at   DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
                KEY ix_transactions_user_date (user_id, booking_date, id, currency, amount),
                KEY ix_transactions_user_account_date (user_id, account_id, booking_date, id, currency, amount),
                KEY ix_transactions_user_category_date (user_id, category_id, booking_date, id, currency, amount),
                CONSTRAINT fk_transactions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
                CONSTRAINT fk_transactions_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
                CONSTRAINT fk_transactions_category FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);

        Execute.Sql("""
            CREATE TABLE transaction_tags (
                transaction_id BIGINT      NOT NULL,
                user_id        BIGINT      NOT NULL,
                tag            VARCHAR(50) NOT NULL,
                PRIMARY KEY (transaction_id, tag),
                KEY ix_transaction_tags_user_tag (user_id, tag, transaction_id),
                CONSTRAINT fk_transaction_tags_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE transaction_tags");
        Execute.Sql("DROP TABLE transactions");
        Execute.Sql("DROP TABLE categories");
        Execute.Sql("DROP TABLE accounts");
    }
}
