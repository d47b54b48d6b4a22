using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Issue 14, the tag filter at a million rows: each tag row carries its transaction's date, so a page of one tag walks
/// (user, tag, date, id) newest first and stops after a page, instead of joining and sorting all of the tag's rows.
/// Every write of a transaction's date or tags keeps the copy exact. The column is added with a placeholder default
/// (instant; MySQL's strict mode refuses a zero date), filled from transactions, and left without a default, so an
/// insert that forgets it fails. The index is built once the dates are in.
/// </summary>
[Migration(15, "Tag dates")]
public sealed class M0015_TagDates : Migration
{
    public override void Up()
    {
        Execute.Sql("ALTER TABLE transaction_tags ADD COLUMN booking_date DATE NOT NULL DEFAULT '1000-01-01'");
        Execute.Sql("""
            UPDATE transaction_tags tg JOIN transactions t ON t.id = tg.transaction_id
            SET tg.booking_date = t.booking_date
            """);
        Execute.Sql("""
            ALTER TABLE transaction_tags
                ALTER COLUMN booking_date DROP DEFAULT,
                DROP KEY ix_transaction_tags_user_tag,
                ADD KEY ix_transaction_tags_user_tag_date (user_id, tag, booking_date, transaction_id)
            """);
    }

    public override void Down()
    {
        Execute.Sql("""
            ALTER TABLE transaction_tags
                DROP KEY ix_transaction_tags_user_tag_date,
                ADD KEY ix_transaction_tags_user_tag (user_id, tag, transaction_id),
                DROP COLUMN booking_date
            """);
    }
}
