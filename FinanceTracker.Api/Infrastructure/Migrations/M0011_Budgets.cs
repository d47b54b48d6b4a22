using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Budgets (issue 12): an amount per expense category, month and currency. What was spent is not stored here; it is read
/// from monthly_totals when a budget is asked for. A line goes with its category.
/// </summary>
[Migration(11, "Budgets")]
public sealed class M0011_Budgets : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE budget_lines (
            user_id     BIGINT        NOT NULL,
            currency    CHAR(3)       NOT NULL,
            month       DATE          NOT NULL,
            category_id BIGINT        NOT NULL,
            amount      DECIMAL(19,4) NOT NULL,
            rollover    BOOLEAN       NOT NULL DEFAULT FALSE,
            PRIMARY KEY (user_id, currency, month, category_id),
            KEY ix_budget_lines_category (category_id),
            CONSTRAINT fk_budget_lines_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
            CONSTRAINT fk_budget_lines_category FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE CASCADE
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
        """);

    public override void Down() => Execute.Sql("DROP TABLE budget_lines");
}
