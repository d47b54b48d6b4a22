using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Per user, month, account and category: count, income and spending, kept in step with every write,
/// so totals over years of a million-row ledger read a few thousand rows instead of every transaction.
/// </summary>
[Migration(3, "Monthly totals")]
public sealed class M0003_MonthlyTotals : Migration
{
    public override void Up()
    {
        // category_id 0 stands for "no category": a primary-key column cannot be NULL.
        Execute.Sql("""
            CREATE TABLE monthly_totals (
                user_id           BIGINT        NOT NULL,
                month             DATE          NOT NULL,
                account_id        BIGINT        NOT NULL,
                category_id       BIGINT        NOT NULL DEFAULT 0,
                currency          CHAR(3)       NOT NULL,
                transaction_count BIGINT        NOT NULL DEFAULT 0,
                income            DECIMAL(30,4) NOT NULL DEFAULT 0,
                spending          DECIMAL(30,4) NOT NULL DEFAULT 0,
                PRIMARY KEY (user_id, month, account_id, category_id),
                KEY ix_monthly_totals_user_account (user_id, account_id, month),
                KEY ix_monthly_totals_user_category (user_id, category_id, month),
                CONSTRAINT fk_monthly_totals_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);

        Execute.Sql("""
            INSERT INTO monthly_totals (user_id, month, account_id, category_id, currency, transaction_count, income, spending)
            SELECT user_id, DATE_FORMAT(booking_date, '%Y-%m-01'), account_id, COALESCE(category_id, 0), MAX(currency),
                   COUNT(*), SUM(GREATEST(amount, 0)), SUM(LEAST(amount, 0))
            FROM transactions
            GROUP BY user_id, DATE_FORMAT(booking_date, '%Y-%m-01'), account_id, COALESCE(category_id, 0)
            """);
    }

    public override void Down() => Execute.Sql("DROP TABLE monthly_totals");
}
