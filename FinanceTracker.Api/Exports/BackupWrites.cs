using Dapper;
using FinanceTracker.Api.Accounts;
using FinanceTracker.Api.Categories;
using FinanceTracker.Api.Transactions;
using MySqlConnector;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// The SQL of a restore, all in the caller's one DB transaction: accounts, categories (matched to the user's by kind
/// and name, the rest of the defaults removed), import rules, recurring rules, budget lines, transactions through the
/// batched ledger path, the rules' postings, receipt rows.
/// The document is validated already; ids are the new rows', looked up from the document's.
/// </summary>
internal sealed partial class BackupWrites(MySqlConnection connection, MySqlTransaction transaction, long userId)
{
    private readonly Dictionary<long, long> accounts = [];
    private readonly Dictionary<long, string> currencies = [];
    private readonly Dictionary<long, long> categories = [];

    /// <summary>Locks the user (one restore at a time) and counts what they own; a restore needs both counts at 0.</summary>
    public async Task<(long Accounts, long Transactions)> LockAndCountAsync()
    {
        await connection.ExecuteAsync("SELECT id FROM users WHERE id = @userId FOR UPDATE", new { userId }, transaction);
        // Locking reads: they also keep new accounts of this user out until the restore commits.
        var accountCount = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM accounts WHERE user_id = @userId FOR UPDATE", new { userId }, transaction);
        var transactionCount = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM transactions WHERE user_id = @userId", new { userId }, transaction);
        return (accountCount, transactionCount);
    }

    public async Task AccountsAsync(IEnumerable<BackupAccount> backup)
    {
        const string sql = """
            INSERT INTO accounts (user_id, name, type, currency, opening_balance, archived)
            VALUES (@userId, @name, @type, @currency, @openingBalance, @archived);
            SELECT LAST_INSERT_ID();
            """;
        foreach (var account in backup)
        {
            var id = await connection.ExecuteScalarAsync<long>(sql, new
            {
                userId, name = account.Name!.Trim(), type = Enum.Parse<AccountType>(account.Type!, ignoreCase: true).ToDb(),
                currency = account.Currency, openingBalance = account.OpeningBalance!.Value, archived = account.Archived ?? false,
            }, transaction);
            accounts[account.Id!.Value] = id;
            currencies[id] = account.Currency!;
            if (account.ImportMapping is { } mapping)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO import_mappings (account_id, user_id, mapping) VALUES (@id, @userId, @mapping)", new { id, userId, mapping }, transaction);
            }
        }
    }

    /// <summary>
    /// The backup's categories replace the user's: one with the same kind and name (as the unique key compares them) is
    /// kept and takes the backup's spelling, colour and parent; the others are removed unless a rule of the user uses them.
    /// Returns the index of a category that matched one already restored (two names the database counts as one).
    /// </summary>
    public async Task<int?> CategoriesAsync(IReadOnlyList<BackupCategory> backup)
    {
        const string upsert = """
            INSERT INTO categories (user_id, name, kind, color) VALUES (@userId, @name, @kind, @color)
            ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), name = VALUES(name), color = VALUES(color), parent_id = NULL;
            SELECT LAST_INSERT_ID();
            """;
        for (var i = 0; i < backup.Count; i++)
        {
            var category = backup[i];
            var id = await connection.ExecuteScalarAsync<long>(upsert, new
            {
                userId, name = category.Name!.Trim(), kind = Enum.Parse<CategoryKind>(category.Kind!, ignoreCase: true).ToDb(), color = category.Color,
            }, transaction);
            if (categories.ContainsValue(id))
            {
                return i;
            }
            categories[category.Id!.Value] = id;
        }
        foreach (var category in backup.Where(c => c.ParentId is not null))
        {
            await connection.ExecuteAsync("UPDATE categories SET parent_id = @parentId WHERE id = @id AND user_id = @userId",
                new { parentId = categories[category.ParentId!.Value], id = categories[category.Id!.Value], userId }, transaction);
        }
        await connection.ExecuteAsync("""
            DELETE FROM categories WHERE user_id = @userId AND id NOT IN @keep
                AND id NOT IN (SELECT category_id FROM import_rules WHERE user_id = @userId AND category_id IS NOT NULL)
            """, new { userId, keep = categories.Values.ToList() }, transaction);
        return null;
    }

    /// <summary>After any rules the user has already, in the backup's order.</summary>
    public async Task ImportRulesAsync(IEnumerable<BackupImportRule> backup)
    {
        var next = await connection.ExecuteScalarAsync<int>(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM import_rules WHERE user_id = @userId", new { userId }, transaction);
        const string sql = """
            INSERT INTO import_rules (user_id, position, match_kind, pattern, category_id, rename_payee, add_tag)
            VALUES (@userId, @position, @match, @pattern, @categoryId, @renamePayee, @addTag)
            """;
        foreach (var rule in backup)
        {
            await connection.ExecuteAsync(sql, new
            {
                userId, position = next + rule.Position!.Value, match = rule.Match!.ToLowerInvariant(), pattern = rule.Pattern!.Trim(),
                categoryId = rule.CategoryId is { } c ? categories[c] : (long?)null, renamePayee = rule.RenamePayee?.Trim(), addTag = rule.AddTag?.Trim(),
            }, transaction);
        }
    }

    /// <summary>Returns the new ids of the transactions in <paramref name="wanted"/> (those with receipts or postings), and the tags written.</summary>
    public async Task<(Dictionary<long, long> Ids, int Tags)> TransactionsAsync(IReadOnlyList<BackupTransaction> backup, HashSet<long> wanted)
    {
        var rows = backup.Select(ToBatch).ToList();
        var newIds = await TransactionBatches.InsertAsync(connection, transaction, userId, rows);
        await TransfersAsync(backup, newIds);
        await LinkRecurringAsync(backup, newIds);
        await MarksAsync(backup, newIds);
        var ids = new Dictionary<long, long>();
        for (var i = 0; i < backup.Count; i++)
        {
            if (wanted.Contains(backup[i].Id!.Value))
            {
                ids[backup[i].Id!.Value] = newIds[i];
            }
        }
        return (ids, rows.Sum(r => r.Tags.Count));
    }

    /// <summary>Rows seen on a statement stay cleared, and reconciled ones stay reconciled.</summary>
    private async Task MarksAsync(IReadOnlyList<BackupTransaction> backup, long[] newIds)
    {
        var marked = backup.Select((t, i) => (t.Cleared == true || t.Reconciled == true, t.Reconciled == true, Id: newIds[i])).Where(m => m.Item1).ToList();
        foreach (var group in marked.GroupBy(m => m.Item2))
        {
            foreach (var chunk in group.Select(m => m.Id).Chunk(5000))
            {
                await connection.ExecuteAsync(
                    "UPDATE transactions SET cleared = TRUE, reconciled = @reconciled WHERE user_id = @userId AND id IN @ids",
                    new { userId, reconciled = group.Key, ids = chunk }, transaction);
            }
        }
    }

    /// <summary>Links the restored sides of each transfer (money out is its "from" side).</summary>
    private async Task TransfersAsync(IReadOnlyList<BackupTransaction> backup, long[] newIds)
    {
        var sides = backup.Select((t, i) => (t.TransferId, t.Amount, Id: newIds[i])).Where(s => s.TransferId is not null).GroupBy(s => s.TransferId);
        foreach (var transfer in sides)
        {
            var from = transfer.Where(s => s.Amount < 0).Select(s => (long?)s.Id).FirstOrDefault();
            var to = transfer.Where(s => s.Amount >= 0).Select(s => (long?)s.Id).FirstOrDefault();
            await connection.ExecuteAsync("""
                INSERT INTO transfers (user_id, from_transaction_id, to_transaction_id) VALUES (@userId, @from, @to);
                UPDATE transactions SET transfer_id = LAST_INSERT_ID() WHERE user_id = @userId AND id IN @ids;
                """, new { userId, from, to, ids = transfer.Select(s => s.Id).ToArray() }, transaction);
        }
    }

    public async Task ReceiptsAsync(IEnumerable<StagedReceipt> staged, Dictionary<long, long> transactionIds)
    {
        const string sql = """
            INSERT INTO receipts (id, user_id, transaction_id, blob_name, file_name, content_type, size, uploaded_at)
            VALUES (@id, @userId, @transactionId, @blobName, @fileName, @contentType, @size, COALESCE(@uploadedAt, UTC_TIMESTAMP(6)));
            DELETE FROM pending_blob_deletions WHERE id = @reservationId;
            """;
        foreach (var receipt in staged)
        {
            await connection.ExecuteAsync(sql, new
            {
                id = receipt.ReceiptId, userId, transactionId = transactionIds[receipt.Receipt.TransactionId!.Value], blobName = receipt.BlobName,
                fileName = receipt.Receipt.FileName, contentType = receipt.ContentType, size = receipt.Receipt.Size,
                uploadedAt = receipt.Receipt.UploadedAt?.ToUniversalTime(), reservationId = receipt.ReservationId,
            }, transaction);
        }
    }

    private BatchTransaction ToBatch(BackupTransaction t)
    {
        var accountId = accounts[t.AccountId!.Value];
        return new BatchTransaction(accountId, t.CategoryId is { } c ? categories[c] : null, t.Date!.Value, t.Amount!.Value, currencies[accountId],
            t.Payee?.Trim() ?? "", t.Notes?.Trim() ?? "")
        {
            Tags = t.Tags?.Select(tag => tag.Trim()).ToList() ?? [],
            IsTransfer = t.TransferId is not null,
            Parts = t.Splits?.Select(p => new Ledger.SplitPart(p.CategoryId is { } pc ? categories[pc] : null, p.Amount!.Value, p.Notes?.Trim() ?? "")).ToList() ?? [],
            ImportKey = t.ImportKey is { } key ? Convert.FromHexString(key) : null,
        };
    }
}
