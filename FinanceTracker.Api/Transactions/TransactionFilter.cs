using System.Globalization;
using System.Text;
using Dapper;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Transactions;

/// <summary>
/// The list's query string, parsed by hand so that every bad value is reported by name
/// (the framework's binder would fail the whole request with one generic message).
/// </summary>
internal sealed record TransactionFilter
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public long? AccountId { get; private init; }
    public long? CategoryId { get; private init; }
    public long? ImportId { get; private init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Text { get; private init; }
    public decimal? MinAmount { get; private init; }
    public decimal? MaxAmount { get; private init; }
    public string? Tag { get; private init; }
    public int PageSize { get; private init; } = DefaultPageSize;

    /// <summary>
    /// Whether a page carries totalCount and totals (<c>totals=false</c> leaves them out). A client that pages asks the
    /// totals once from <c>/api/transactions/totals</c> and then pages without them: a filter that monthly_totals cannot
    /// answer (text, tag, amount) counts every matching row, which a page of 50 should not pay for again and again.
    /// </summary>
    public bool IncludeTotals { get; private init; } = true;
    public Cursor? After { get; private init; }
    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>
    /// <see cref="CategoryId"/> and every category under it, at any depth (set by the store): filtering by "Food" lists
    /// "Food › Groceries" too, as budgets count it. Null until the store has looked them up: then the category alone.
    /// </summary>
    public IReadOnlyList<long>? CategoryTree { get; init; }

    /// <summary>The categories the filter matches: <see cref="CategoryTree"/>, else the category alone; empty without one.</summary>
    public IReadOnlyList<long> CategoryIds => CategoryTree ?? (CategoryId is { } id ? [id] : []);

    /// <summary>
    /// Some split part is in <see cref="CategoryId"/>'s tree (set by the store): the category filter then also matches a transaction
    /// through its parts, and its totals sum the matching parts.
    /// </summary>
    public bool CategoryInParts { get; init; }

    /// <summary>
    /// Where a text search's rows are (set by the store): the person's payees that contain the text and the words of it the
    /// notes' full-text index can look up. Null when the text matches too much for an index to help, and a page of a text
    /// with many matches is found along the date index instead (it fills at once).
    /// </summary>
    public TextCandidates? TextIndex { get; init; }

    /// <summary>
    /// Totals for these filters can be read from monthly_totals (they select whole rows of it). Not when parts match the
    /// category: its month rows hold the parts' amounts, but a split transaction is counted in one category's row only.
    /// </summary>
    public bool MatchesMonthlyTotals => Text is null && Tag is null && MinAmount is null && MaxAmount is null && ImportId is null && !CategoryInParts;

    public static TransactionFilter Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new TransactionFilter
        {
            AccountId = Read(query, "accountId", errors, ParseId, "an id"),
            CategoryId = Read(query, "categoryId", errors, ParseId, "an id"),
            ImportId = Read(query, "importId", errors, ParseId, "an id"),
            From = ReadDate(query, "from", errors),
            To = ReadDate(query, "to", errors),
            MinAmount = Read(query, "minAmount", errors, ParseAmount, AmountExpected),
            MaxAmount = Read(query, "maxAmount", errors, ParseAmount, AmountExpected),
            PageSize = Read(query, "pageSize", errors, ParsePageSize, $"a whole number from 1 to {MaxPageSize}") ?? DefaultPageSize,
            After = Read(query, "cursor", errors, ParseCursor, "the nextCursor of a previous page"),
            IncludeTotals = Read(query, "totals", errors, ParseBool, "true or false") ?? true,
            Text = NonEmpty(query["q"]),
            Tag = NonEmpty(query["tag"]),
        };
        if (filter.From > filter.To)
        {
            errors["to"] = ["'to' must not be before 'from'."];
        }
        foreach (var (key, value) in errors)
        {
            filter.Errors[key] = value;
        }
        return filter;
    }

    /// <summary>
    /// The date and id a page is ordered and paged by: with a tag, the tag rows' copy of them, so that the page walks the
    /// (user, tag, date, id) index in order; they equal the transaction's own.
    /// </summary>
    public string DateColumn => Tag is not null ? "tg.booking_date" : "t.booking_date";

    /// <inheritdoc cref="DateColumn"/>
    public string IdColumn => Tag is not null ? "tg.transaction_id" : "t.id";

    /// <summary>
    /// "FROM … WHERE …" over transactions t, shared by the page and totals queries. Only fixed SQL;
    /// values are parameters. A tag filter starts from the tag's index, which is far more selective; in date order
    /// (a page, an export) it walks that index from the cursor on and looks each row up by its primary key, so a page
    /// stops after its rows instead of sorting all of the tag's.
    /// </summary>
    public string FromWhere(DynamicParameters parameters, long userId, bool includeCursor, bool categoryOnRowOnly = false, bool anyOrder = false)
    {
        var sql = new StringBuilder(
            Tag is not null && anyOrder ? $"FROM transaction_tags tg JOIN transactions t ON {TagRowJoin} WHERE tg.user_id = @userId AND tg.tag = @tag"
            : Tag is not null
                ? $"FROM transaction_tags tg FORCE INDEX (ix_transaction_tags_user_tag_date) STRAIGHT_JOIN transactions t ON {TagRowJoin} WHERE tg.user_id = @userId AND tg.tag = @tag"
            // Text search: the rows of the matching payees and the notes with its words, from their indexes; the LIKE below
            // keeps exactly the rows that contain the text.
            : Text is not null && TextIndex is { } index && (anyOrder || index.FewRows)
                ? $"FROM ({index.IdsSql(parameters)}) m JOIN transactions t ON t.id = m.id WHERE t.user_id = @userId"
            // Text that matches most rows: walked along the date index, a page fills at once.
            : Text is not null ? "FROM transactions t FORCE INDEX (ix_transactions_user_date) WHERE t.user_id = @userId"
            // One import's rows: its own index finds them, however far apart their dates.
            : ImportId is not null ? "FROM transactions t FORCE INDEX (fk_transactions_import) WHERE t.user_id = @userId"
            // Every row of an amount range, in no order (the totals): read from the (user, amount) range.
            : anyOrder && (MinAmount ?? MaxAmount) is not null && AccountId is null && CategoryId is null
                ? "FROM transactions t FORCE INDEX (ix_transactions_user_amount) WHERE t.user_id = @userId"
            : $"FROM transactions t FORCE INDEX ({KeysetIndex(categoryOnRowOnly, anyOrder)}) WHERE t.user_id = @userId");
        if (CategoryId is not null)
        {
            // A split transaction (no category of its own) matches through its parts, looked up by the parts' (transaction,
            // position) key for those rows only: a page of "Food" walks ~330 rows, 17 of them without a category, 0.55 ms.
            // Written as a scalar subquery, which the server runs per row; as IN or EXISTS it was turned into a set of all
            // of the category's parts built for every page (5,001 of them, 2.8 ms).
            sql.Append(CategoryInParts && !categoryOnRowOnly
                ? " AND (t.category_id IN @categoryIds OR (t.category_id IS NULL AND (SELECT 1 FROM transaction_splits s" +
                  " WHERE s.transaction_id = t.id AND s.user_id = t.user_id AND s.category_id IN @categoryIds LIMIT 1) IS NOT NULL))"
                : " AND t.category_id IN @categoryIds");
            parameters.Add("categoryIds", CategoryIds);
        }
        sql.Append(Conditions(parameters, userId, includeCursor));
        return sql.ToString();
    }

    /// <summary>
    /// "FROM … WHERE …" over the split parts s in <see cref="CategoryId"/> joined to their transactions t, with every other
    /// filter on t: the second half of the totals when parts match the category.
    /// </summary>
    public string PartsFromWhere(DynamicParameters parameters, long userId)
    {
        parameters.Add("categoryIds", CategoryIds);
        return "FROM transaction_splits s JOIN transactions t ON t.id = s.transaction_id AND t.user_id = s.user_id " +
               (Tag is not null ? TagJoin : "") +
               " WHERE s.user_id = @userId AND s.category_id IN @categoryIds" + Conditions(parameters, userId, includeCursor: false);
    }

    /// <summary>A tag row's transaction, on the date the tag row holds (always the same: every write keeps it so).</summary>
    private const string TagRowJoin = "t.id = tg.transaction_id AND t.user_id = tg.user_id AND t.booking_date = tg.booking_date";

    private const string TagJoin = $"JOIN transaction_tags tg ON {TagRowJoin} AND tg.tag = @tag";

    /// <summary>" AND …" for every filter but the category.</summary>
    private string Conditions(DynamicParameters parameters, long userId, bool includeCursor)
    {
        var sql = new StringBuilder();
        parameters.Add("userId", userId);
        void And(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add(name, value);
        }

        if (AccountId is { } accountId) And("t.account_id = @accountId", "accountId", accountId);
        if (ImportId is { } importId) And("t.import_id = @importId", "importId", importId);
        if (From is { } from) And($"{DateColumn} >= @from", "from", from.ToDateTime(TimeOnly.MinValue));
        if (To is { } to) And($"{DateColumn} <= @to", "to", to.ToDateTime(TimeOnly.MinValue));
        if (MinAmount is { } min) And("t.amount >= @minAmount", "minAmount", min);
        if (MaxAmount is { } max) And("t.amount <= @maxAmount", "maxAmount", max);
        if (Text is { } text) And("(t.payee LIKE @q OR t.notes LIKE @q)", "q", ContainsPattern(text));
        if (Tag is { } tag) parameters.Add("tag", tag);
        if (includeCursor && After is { } after)
        {
            // Written as a date range plus a tie-break so the index is range-scanned from the cursor on.
            And($"{DateColumn} <= @cursorDate AND ({DateColumn} < @cursorDate OR {IdColumn} < @cursorId)", "cursorDate", after.Date.ToDateTime(TimeOnly.MinValue));
            parameters.Add("cursorId", after.Id);
        }
        return sql.ToString();
    }

    /// <summary>
    /// The (user, [account | category], date, id) index that matches the filters. MariaDB otherwise tends
    /// to pick a plain user_id lookup and walk a million rows backwards to the first one in range.
    /// A category that split parts use is matched row by row along the date index (an OR cannot use the category index),
    /// except for its plain rows alone (<paramref name="categoryOnRowOnly"/>, the totals), which the category index holds.
    /// </summary>
    private string KeysetIndex(bool categoryOnRowOnly, bool anyOrder) =>
        AccountId is not null ? "ix_transactions_user_account_date"
        // Several categories (one with subcategories) are several ranges of it: fine for sums, but a page in date order
        // would sort them all, so a page walks the date index instead.
        : CategoryId is not null && (!CategoryInParts || categoryOnRowOnly) && (CategoryIds.Count == 1 || anyOrder || categoryOnRowOnly)
            ? "ix_transactions_user_category_date"
        : "ix_transactions_user_date";

    private static T? Read<T>(IQueryCollection query, string name, Dictionary<string, string[]> errors, Func<string, T?> parse, string expected)
        where T : struct
    {
        if (NonEmpty(query[name]) is not { } raw)
        {
            return null;
        }
        if (parse(raw) is { } value)
        {
            return value;
        }
        errors[name] = [$"'{name}' must be {expected}."];
        return null;
    }

    /// <summary>A date within <see cref="DateBounds"/>: the totals step to the next day and month of it.</summary>
    private static DateOnly? ReadDate(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var date = Read(query, name, errors, ParseDate, "a date like 2026-01-31");
        if (date is { } d && !DateBounds.Contains(d))
        {
            errors[name] = [DateBounds.DateOutOfRange(name)];
            return null;
        }
        return date;
    }

    private static long? ParseId(string s) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static int? ParsePageSize(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize ? size : null;

    private static bool? ParseBool(string s) => bool.TryParse(s, out var value) ? value : null;

    private static Cursor? ParseCursor(string s) => Cursor.TryDecode(s, out var cursor) ? cursor : null;

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static readonly string AmountExpected = $"a number with at most {Currencies.MaxDecimalPlaces} decimal places";

    /// <summary>No finer than the finest currency: a decimal would silently round 31 decimal places to 0.</summary>
    private static decimal? ParseAmount(string s) =>
        decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
        && ExactDecimal.Represents(s, d) && decimal.Round(d, Currencies.MaxDecimalPlaces) == d ? d : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The LIKE pattern of "contains <paramref name="text"/>", its wildcards escaped.</summary>
    public static string ContainsPattern(string text) => $"%{EscapeLike(text)}%";

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
