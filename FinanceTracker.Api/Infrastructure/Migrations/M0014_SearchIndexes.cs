using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Issue 14, a million rows a person: text search finds notes by a full-text index on their words (stopwords kept, so
/// "the" and "about" can be found too; the setting applies when the index is built), and the list's totals for an amount
/// range read the (user, amount) range instead of every row of the person.
/// </summary>
[Migration(14, "Search indexes")]
public sealed class M0014_SearchIndexes : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            SET SESSION innodb_ft_enable_stopword = OFF;
            ALTER TABLE transactions ADD FULLTEXT KEY ft_transactions_notes (notes);
            """);
        Execute.Sql("ALTER TABLE transactions ADD KEY ix_transactions_user_amount (user_id, amount, currency)");
    }

    public override void Down()
    {
        Execute.Sql("ALTER TABLE transactions DROP KEY ix_transactions_user_amount");
        Execute.Sql("ALTER TABLE transactions DROP KEY ft_transactions_notes");
    }
}
