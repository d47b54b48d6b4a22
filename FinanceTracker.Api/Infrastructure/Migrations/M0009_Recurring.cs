using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Recurring rules (issue 12). A rule's terms apply to its occurrences from <c>effective_from</c> on: an edit moves it to
/// tomorrow, so what was already due keeps the terms it was posted under. <c>next_date</c> is the next occurrence not yet
/// posted (NULL once the series has ended), which the poster looks up by index. Each posted occurrence is one row of
/// <c>recurring_postings</c>, whose primary key (rule, date) is what makes it posted exactly once, on any number of
/// replicas and across restarts; the row stays when its transaction is deleted, so a deleted posting is not re-posted.
/// </summary>
[Migration(9, "Recurring rules and their postings")]
public sealed class M0009_Recurring : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE recurring_rules (
            id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
            user_id         BIGINT        NOT NULL,
            account_id      BIGINT        NOT NULL,
            category_id     BIGINT        NULL,
            amount          DECIMAL(19,4) NOT NULL,
            payee           VARCHAR(200)  NOT NULL,
            notes           VARCHAR(2000) NOT NULL DEFAULT '',
            frequency       VARCHAR(10)   NOT NULL,
            interval_count  INT           NOT NULL,
            day_of_month    INT           NULL,
            start_date      DATE          NOT NULL,
            end_date        DATE          NULL,
            max_count       INT           NULL,
            effective_from  DATE          NOT NULL,
            next_date       DATE          NULL,
            revision        INT           NOT NULL DEFAULT 1,
            created_at      DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
            updated_at      DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
            KEY ix_recurring_rules_user (user_id, id),
            KEY ix_recurring_rules_next (next_date),
            CONSTRAINT fk_recurring_rules_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
            CONSTRAINT fk_recurring_rules_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
            CONSTRAINT fk_recurring_rules_category FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

        CREATE TABLE recurring_postings (
            rule_id          BIGINT      NOT NULL,
            occurrence_date  DATE        NOT NULL,
            user_id          BIGINT      NOT NULL,
            transaction_id   BIGINT      NULL,
            posted_at        DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
            PRIMARY KEY (rule_id, occurrence_date),
            KEY ix_recurring_postings_transaction (transaction_id),
            CONSTRAINT fk_recurring_postings_rule FOREIGN KEY (rule_id) REFERENCES recurring_rules (id) ON DELETE CASCADE,
            CONSTRAINT fk_recurring_postings_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id) ON DELETE SET NULL
        ) ENGINE=InnoDB;

        ALTER TABLE transactions
            ADD COLUMN recurring_id BIGINT NULL,
            ADD KEY ix_transactions_user_recurring (user_id, recurring_id),
            ADD CONSTRAINT fk_transactions_recurring FOREIGN KEY (recurring_id) REFERENCES recurring_rules (id) ON DELETE SET NULL;
        """);

    public override void Down() => Execute.Sql("""
        ALTER TABLE transactions DROP FOREIGN KEY fk_transactions_recurring, DROP KEY ix_transactions_user_recurring, DROP COLUMN recurring_id;
        DROP TABLE recurring_postings;
        DROP TABLE recurring_rules;
        """);
}
