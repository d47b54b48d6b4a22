using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Issue 14, writes at a million rows: (user_id, import_id) and (user_id, recurring_id) repeated the foreign keys' own
/// indexes on import_id and recurring_id. Those ids are unique across people, so the foreign key's index finds one
/// import's or one rule's rows as well, and every query still names the user. Each index cost every inserted row a
/// B-tree insert: together about 0.27 s of the 2.6 s the server took to insert 100,000 rows (measured by dropping the
/// indexes of a copy of the 2.1 million-row table one at a time).
/// </summary>
[Migration(16, "Redundant transaction indexes")]
public sealed class M0016_RedundantIndexes : Migration
{
    public override void Up() =>
        Execute.Sql("ALTER TABLE transactions DROP KEY ix_transactions_user_import, DROP KEY ix_transactions_user_recurring");

    public override void Down() =>
        Execute.Sql("""
            ALTER TABLE transactions
                ADD KEY ix_transactions_user_import (user_id, import_id),
                ADD KEY ix_transactions_user_recurring (user_id, recurring_id)
            """);
}
