using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Transfers and split transactions (issue 12). A transfer is two transactions linked through a transfers row; either
/// side may outlive the other when an account is deleted (its link is then NULL). A split transaction keeps its parts in
/// transaction_splits, each with its own category; the transaction's own category is NULL. monthly_totals keeps a
/// transfer's rows under the reserved category id -1 and each part under its own category.
/// </summary>
[Migration(10, "Transfers and split transactions")]
public sealed class M0010_TransfersAndSplits : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE transfers (
            id                  BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
            user_id             BIGINT      NOT NULL,
            from_transaction_id BIGINT      NULL,
            to_transaction_id   BIGINT      NULL,
            created_at          DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
            KEY ix_transfers_user (user_id, id),
            CONSTRAINT fk_transfers_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
            CONSTRAINT fk_transfers_from FOREIGN KEY (from_transaction_id) REFERENCES transactions (id) ON DELETE SET NULL,
            CONSTRAINT fk_transfers_to FOREIGN KEY (to_transaction_id) REFERENCES transactions (id) ON DELETE SET NULL
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

        ALTER TABLE transactions
            ADD COLUMN transfer_id BIGINT NULL,
            ADD KEY ix_transactions_transfer (transfer_id),
            ADD CONSTRAINT fk_transactions_transfer FOREIGN KEY (transfer_id) REFERENCES transfers (id) ON DELETE SET NULL;

        CREATE TABLE transaction_splits (
            id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
            transaction_id BIGINT        NOT NULL,
            user_id        BIGINT        NOT NULL,
            category_id    BIGINT        NULL,
            amount         DECIMAL(19,4) NOT NULL,
            notes          VARCHAR(500)  NOT NULL DEFAULT '',
            position       SMALLINT      NOT NULL,
            UNIQUE KEY ux_transaction_splits_position (transaction_id, position),
            KEY ix_transaction_splits_user_category (user_id, category_id, transaction_id),
            CONSTRAINT fk_transaction_splits_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id) ON DELETE CASCADE,
            CONSTRAINT fk_transaction_splits_category FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
        """);

    public override void Down() => Execute.Sql("""
        DROP TABLE transaction_splits;
        ALTER TABLE transactions DROP FOREIGN KEY fk_transactions_transfer, DROP KEY ix_transactions_transfer, DROP COLUMN transfer_id;
        DROP TABLE transfers;
        """);
}
