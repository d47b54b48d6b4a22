using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Account registers (issue 13): a transaction is cleared once it shows on the bank's statement, and reconciled once a
/// reconciliation has matched the cleared rows to a statement's closing balance. The account remembers its last
/// reconciliation. Both are instant column additions in MariaDB and MySQL 8, so a million rows cost nothing here.
/// </summary>
[Migration(12, "Cleared and reconciled transactions")]
public sealed class M0012_Reconciliation : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE transactions
            ADD COLUMN cleared    BOOLEAN NOT NULL DEFAULT FALSE,
            ADD COLUMN reconciled BOOLEAN NOT NULL DEFAULT FALSE;
        ALTER TABLE accounts
            ADD COLUMN reconciled_through DATE          NULL,
            ADD COLUMN reconciled_balance DECIMAL(19,4) NULL;
        """);

    public override void Down() => Execute.Sql("""
        ALTER TABLE accounts DROP COLUMN reconciled_balance, DROP COLUMN reconciled_through;
        ALTER TABLE transactions DROP COLUMN reconciled, DROP COLUMN cleared;
        """);
}
