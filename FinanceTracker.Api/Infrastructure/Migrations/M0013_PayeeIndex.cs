using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Payees (issue 13): suggestions, the Payees page and merging read a person's distinct payees through this index, with
/// each payee's latest row (for its last category) at the end of its range, instead of scanning their rows.
/// </summary>
[Migration(13, "Payee index")]
public sealed class M0013_PayeeIndex : Migration
{
    public override void Up() => Execute.Sql(
        "ALTER TABLE transactions ADD KEY ix_transactions_user_payee (user_id, payee, booking_date, id)");

    public override void Down() => Execute.Sql("ALTER TABLE transactions DROP KEY ix_transactions_user_payee");
}
