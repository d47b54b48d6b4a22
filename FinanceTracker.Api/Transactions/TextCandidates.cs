using System.Text;
using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>
/// The rows a text search can match, found through indexes instead of reading every row: a person's distinct payees are
/// few (thousands) even when their rows are a million, so the payees containing the text are found by skipping along the
/// (user, payee) index, and their rows by it; notes are found by the full-text index on the words of the text (a word
/// in notes matches from its start, so "inv" finds "invoice" but "voice" does not). The list then keeps the candidates
/// that contain the text, as before.
/// </summary>
internal sealed record TextCandidates(IReadOnlyList<string> Payees, string? NotesWords, bool FewRows)
{
    /// <summary>More payees than this and an index would not help: every row is read.</summary>
    private const int MaxPayees = 500;

    /// <summary>
    /// Up to this many rows of the matching payees, a page is sorted from the candidates (a few ms); more, and the date
    /// index finds a page sooner, as the matches are then common. The totals use the candidates either way.
    /// </summary>
    private const int MaxPageRows = 5_000;

    /// <summary>The full-text index ignores shorter words (innodb_ft_min_token_size, 3 on MariaDB and MySQL alike).</summary>
    private const int MinWordLength = 3;

    /// <summary>The candidates for <paramref name="text"/>, or null when an index would not help.</summary>
    public static async Task<TextCandidates?> FindAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, string text, CancellationToken cancellationToken)
    {
        var notesWords = WordsOf(text);
        if (notesWords is null)
        {
            // Notes cannot be looked up by a word this short: only reading them finds it.
            return null;
        }
        // GROUP BY user_id, payee along the (user_id, payee, …) index reads one entry per payee (a loose index scan, "Using
        // index for group-by"; grouped by payee alone MariaDB reads every entry), never every row.
        var payees = (await connection.QueryAsync<string>(new CommandDefinition($"""
            SELECT payee FROM transactions FORCE INDEX (ix_transactions_user_payee)
            WHERE user_id = @userId GROUP BY user_id, payee HAVING payee LIKE @like LIMIT {MaxPayees + 1}
            """, new { userId, like = TransactionFilter.ContainsPattern(text) }, transaction, cancellationToken: cancellationToken))).ToList();
        if (payees.Count > MaxPayees)
        {
            return null;
        }
        var rows = payees.Count == 0 ? 0 : await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            SELECT COUNT(*) FROM (SELECT 1 FROM transactions FORCE INDEX (ix_transactions_user_payee)
                                  WHERE user_id = @userId AND payee IN @payees LIMIT {MaxPageRows + 1}) r
            """, new { userId, payees }, transaction, cancellationToken: cancellationToken));
        return new TextCandidates(payees, notesWords, FewRows: rows <= MaxPageRows);
    }

    /// <summary>"SELECT id …" of the candidates (the two indexes' rows, each once), with its parameters added.</summary>
    public string IdsSql(DynamicParameters parameters)
    {
        parameters.Add("notesWords", NotesWords);
        var notes = "SELECT x.id FROM transactions x WHERE MATCH (x.notes) AGAINST (@notesWords IN BOOLEAN MODE) AND x.user_id = @userId";
        if (Payees.Count == 0)
        {
            return notes;
        }
        parameters.Add("payees", Payees);
        return $"SELECT x.id FROM transactions x FORCE INDEX (ix_transactions_user_payee) WHERE x.user_id = @userId AND x.payee IN @payees UNION {notes}";
    }

    /// <summary>
    /// The boolean-mode query that finds notes with every word of the text (each as a prefix), or null when a word is too
    /// short for the index. Only letters and digits reach it: the operators of boolean mode are never the person's.
    /// </summary>
    private static string? WordsOf(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        // A text with a short word ("a cafe") still has its long words to look up: the LIKE keeps the exact matches.
        var indexed = words.Where(w => w.Length >= MinWordLength).Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        return indexed.Count == 0 ? null : string.Join(' ', indexed.Select(w => $"+{w}*"));
    }
}
