using FluentMigrator;

namespace FinanceTracker.Api.Infrastructure.Migrations;

/// <summary>
/// Receipts (rows here, bytes in blob storage under {user_id}/{id}) and the outbox of blobs that may
/// exist without a row: deleted receipts whose blobs are still to go, and uploads in flight.
/// </summary>
[Migration(4, "Receipts and pending blob deletions")]
public sealed class M0004_Receipts : Migration
{
    public override void Up()
    {
        // Ids are drawn before the upload (the blob is named after the id) while no DB transaction is open.
        Execute.Sql("CREATE SEQUENCE receipt_ids START WITH 1 INCREMENT BY 1");

        Execute.Sql("""
            CREATE TABLE receipts (
                id             BIGINT       NOT NULL PRIMARY KEY,
                user_id        BIGINT       NOT NULL,
                transaction_id BIGINT       NOT NULL,
                blob_name      VARCHAR(100) NOT NULL,
                file_name      VARCHAR(255) NOT NULL,
                content_type   VARCHAR(50)  NOT NULL,
                size           BIGINT       NOT NULL,
                uploaded_at    DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
                KEY ix_receipts_user_transaction (user_id, transaction_id),
                CONSTRAINT fk_receipts_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);

        // due_at: now for deletions; an hour ahead for an upload's reservation, which its commit removes.
        Execute.Sql("""
            CREATE TABLE pending_blob_deletions (
                id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
                blob_name  VARCHAR(100) NOT NULL,
                created_at DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
                due_at     DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
                KEY ix_pending_blob_deletions_due (due_at),
                KEY ix_pending_blob_deletions_blob (blob_name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE pending_blob_deletions");
        Execute.Sql("DROP TABLE receipts");
        Execute.Sql("DROP SEQUENCE receipt_ids");
    }
}
