using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FinanceTracker.Api.Import.Rules;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Import;

public enum PlannedStatus { New, Imported, LookAlike, Error }

/// <summary>One statement row on its way to the ledger: where it goes, its de-duplication key, and what becomes of it.</summary>
internal sealed record PlannedRow(int Line, string AccountKey, StatementLine? Source)
{
    public ImportTarget? Target { get; init; }
    public string? KeyHex { get; init; }
    public PlannedStatus Status { get; init; } = PlannedStatus.New;
    public string Payee { get; init; } = "";
    public string Notes { get; init; } = "";
    public long? CategoryId { get; init; }
    public long? RuleId { get; init; }
    public string? Tag { get; init; }

    /// <summary>The parts of a split row (QIF <c>S</c>/<c>$</c>), each in the person's category of that name, if any.</summary>
    public IReadOnlyList<Ledger.SplitPart> Parts { get; init; } = [];
    public long? DuplicateOfId { get; init; }
    public string? Reason { get; init; }
    public string? Error { get; init; }

    public ImportRow ToRow() => new(Line, AccountKey, Source?.Date, Source?.Amount, Payee, Notes,
        Status switch { PlannedStatus.New => "new", PlannedStatus.Error => "error", _ => "duplicate" },
        DuplicateOfId, Reason, Error, CategoryId, RuleId, Status == PlannedStatus.LookAlike);
}

/// <summary>
/// Turns a parsed statement into planned rows, in two steps around the database: <see cref="Keys"/> gives every row its
/// target account and de-duplication key (the caller then looks those keys and the hand-entered look-alikes up), and
/// <see cref="Classify"/> decides new / imported before / look-alike / error and applies the person's rules.
/// Pure: the preview and the commit run the same code, so what was previewed is what gets written.
/// </summary>
internal static class ImportPlan
{
    public const int LookAlikeDays = 3;
    private const int MaxPayeeLength = 200;
    private const int MaxNotesLength = 2000;

    // A big file runs these loops once: compiled optimised at once, not at tier 0 until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<PlannedRow> Keys(ParsedStatement statement, IReadOnlyDictionary<string, ImportTarget> targets)
    {
        var rows = new List<PlannedRow>(statement.RowCount + statement.Errors.Count);
        // Rows without a usable bank id are fingerprinted per target account, across statement accounts that share one,
        // so the occurrence numbers of identical charges never repeat within an account.
        var fingerprinted = new Dictionary<long, List<StatementLine>>();
        var pending = new List<(int Index, long AccountId, StatementLine Line)>();
        foreach (var account in statement.Accounts)
        {
            targets.TryGetValue(account.Key, out var target);
            // A FITID the bank repeated within one statement cannot tell its rows apart: those rows use the fingerprint.
            var repeatedIds = account.Lines.Where(l => !string.IsNullOrWhiteSpace(l.ImportId))
                .GroupBy(l => l.ImportId!.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var line in account.Lines)
            {
                var row = new PlannedRow(line.Line, account.Key, line) { Target = target };
                if (target is null)
                {
                    rows.Add(row with { Status = PlannedStatus.Error, Error = $"Choose one of your accounts for the statement's account {account.Key}." });
                    continue;
                }
                var bankId = line.ImportId?.Trim();
                if (!string.IsNullOrEmpty(bankId) && !repeatedIds.Contains(bankId))
                {
                    rows.Add(Check(row with { KeyHex = BankIdKey(account.Key, bankId) }, line, target.Currency));
                    continue;
                }
                if (!fingerprinted.TryGetValue(target.AccountId, out var lines))
                {
                    fingerprinted[target.AccountId] = lines = [];
                }
                lines.Add(line);
                pending.Add((rows.Count, target.AccountId, line));
                rows.Add(Check(row, line, target.Currency));
            }
        }
        var keys = fingerprinted.ToDictionary(f => f.Key, f => new Queue<string>(ImportFingerprint.Compute(f.Key, f.Value)));
        foreach (var (index, accountId, _) in pending)
        {
            rows[index] = rows[index] with { KeyHex = keys[accountId].Dequeue() };
        }
        foreach (var error in statement.Errors)
        {
            rows.Add(new PlannedRow(error.Line, statement.Accounts.Count == 1 ? statement.Accounts[0].Key : "", null)
            {
                Status = PlannedStatus.Error,
                Error = error.Reason,
            });
        }
        return [.. rows.OrderBy(r => r.Line)];
    }

    // A big file runs these loops once: compiled optimised at once, not at tier 0 until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<PlannedRow> Classify(
        IReadOnlyList<PlannedRow> rows, LedgerMatches ledger, ImportRuleSet rules, IReadOnlyDictionary<string, long> categoriesByName)
    {
        // Each hand-entered row can stand for one imported row only, the nearest in date.
        var handEntered = ledger.HandEntered
            .GroupBy(r => (r.AccountId, r.Amount))
            .ToDictionary(g => g.Key, g => g.ToList());
        var claimed = new HashSet<long>();
        var result = new List<PlannedRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Status == PlannedStatus.Error || row.Source is not { } line)
            {
                result.Add(row);
                continue;
            }
            var planned = Apply(row, line, rules, categoriesByName);
            if (ledger.Imported.TryGetValue(row.KeyHex!, out var earlier))
            {
                result.Add(planned with
                {
                    Status = PlannedStatus.Imported,
                    DuplicateOfId = earlier.Id,
                    Reason = $"Imported before: the transaction of {Iso(earlier.Date)} for {Money(earlier.Amount)}.",
                });
                continue;
            }
            if (handEntered.TryGetValue((row.Target!.AccountId, line.Amount), out var candidates)
                && candidates.Where(c => !claimed.Contains(c.Id) && Math.Abs(c.Date.DayNumber - line.Date.DayNumber) <= LookAlikeDays)
                    .OrderBy(c => Math.Abs(c.Date.DayNumber - line.Date.DayNumber)).ThenBy(c => c.Id).FirstOrDefault() is { } twin)
            {
                claimed.Add(twin.Id);
                result.Add(planned with
                {
                    Status = PlannedStatus.LookAlike,
                    DuplicateOfId = twin.Id,
                    Reason = $"Looks like the transaction you entered on {Iso(twin.Date)}"
                        + (twin.Payee.Length > 0 ? $" (\"{twin.Payee}\")" : "")
                        + $" for the same amount: left out unless you include it.",
                });
                continue;
            }
            result.Add(planned);
        }
        return result;
    }

    public static ImportCounts Count(IReadOnlyCollection<PlannedRow> rows) => new(
        rows.Count,
        rows.Count(r => r.Status == PlannedStatus.New),
        rows.Count(r => r.Status is PlannedStatus.Imported or PlannedStatus.LookAlike),
        rows.Count(r => r.Status == PlannedStatus.Error));

    /// <summary>The key of a row the bank gave an id (OFX FITID): the person's statement account and that id, whatever account it went to.</summary>
    public static string BankIdKey(string statementAccount, string bankId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"fitid\n{statementAccount}\n{bankId}")));

    /// <summary>The checks every other write makes (date range, size, the currency's decimals), as row errors.</summary>
    private static PlannedRow Check(PlannedRow row, StatementLine line, string currency)
    {
        string? error = !DateBounds.Contains(line.Date) ? $"The date {Iso(line.Date)} is outside the years the app accepts."
            : Math.Abs(line.Amount) >= MoneyLimits.MaxAbsoluteAmount ? "The amount is too large."
            : Currencies.CheckDecimalPlaces(line.Amount, currency);
        return error is null ? row : row with { Status = PlannedStatus.Error, Error = error };
    }

    private static PlannedRow Apply(PlannedRow row, StatementLine line, ImportRuleSet rules, IReadOnlyDictionary<string, long> categoriesByName)
    {
        var payee = PayeeText.Clean(line.Payee);
        var rule = rules.Find(payee);
        var category = rule?.CategoryId ?? FileCategory(line.Category, categoriesByName);
        var parts = Parts(line, categoriesByName);
        var notes = parts.Count > 0 ? PayeeText.Clean(line.Memo) : Notes(line);
        if (parts.Count > 0)
        {
            category = null;
        }
        if (rule?.RenamePayee is { } renamed)
        {
            payee = renamed;
        }
        if (payee.Length > MaxPayeeLength)
        {
            // The whole description is kept: in the notes when they are free, else at their end.
            notes = notes.Length == 0 ? payee : $"{notes} · {payee}";
            payee = payee[..MaxPayeeLength];
        }
        return row with
        {
            Payee = payee,
            Notes = notes.Length > MaxNotesLength ? notes[..MaxNotesLength] : notes,
            CategoryId = category,
            RuleId = rule?.Id,
            Tag = rule?.AddTag,
            Parts = parts,
        };
    }

    /// <summary>
    /// A QIF split whose parts add up to the row's amount becomes a split transaction; parts the ledger cannot hold
    /// (one part only, sums that differ) stay in the notes instead.
    /// </summary>
    private static IReadOnlyList<Ledger.SplitPart> Parts(StatementLine line, IReadOnlyDictionary<string, long> categoriesByName) =>
        line.Splits.Count is >= 2 and <= Ledger.SplitRules.MaxParts && line.Splits.Sum(s => s.Amount) == line.Amount
            ? line.Splits.Select(s => new Ledger.SplitPart(FileCategory(s.Category, categoriesByName), s.Amount,
                Truncate(PayeeText.Clean(s.Memo), Ledger.SplitRules.MaxNotesLength))).ToList()
            : [];

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    /// <summary>The memo, and the parts of a split the ledger cannot hold as one.</summary>
    private static string Notes(StatementLine line)
    {
        var memo = PayeeText.Clean(line.Memo);
        if (line.Splits.Count == 0)
        {
            return memo;
        }
        var parts = string.Join("; ", line.Splits.Select(s =>
            $"{(s.Category.Length > 0 ? s.Category : "(no category)")} {Money(s.Amount)}{(s.Memo.Length > 0 ? $" {PayeeText.Clean(s.Memo)}" : "")}"));
        return memo.Length > 0 ? $"{memo} · Split: {parts}" : $"Split: {parts}";
    }

    /// <summary>The file's category (QIF <c>L</c>, a CSV column) when the person has one of that name: "Food:Groceries" finds "Groceries" too.</summary>
    private static long? FileCategory(string? name, IReadOnlyDictionary<string, long> categoriesByName)
    {
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('['))
        {
            return null;
        }
        var trimmed = name.Trim();
        if (categoriesByName.TryGetValue(trimmed, out var id))
        {
            return id;
        }
        var last = trimmed[(trimmed.LastIndexOf(':') + 1)..].Trim();
        return categoriesByName.TryGetValue(last, out id) ? id : null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
