using System.Text.RegularExpressions;
using FinanceTracker.Api.Accounts;
using FinanceTracker.Api.Categories;
using FinanceTracker.Api.Import;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Receipts;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// Checks a whole backup document before anything is written, with the same rules as the Api's own endpoints, and
/// names each problem by its path in the document (<c>transactions[12].amount</c>). Stops after 100 problems.
/// </summary>
internal sealed partial class BackupValidator
{
    private const int MaxErrors = 100;
    private const int MaxTags = 20;

    private readonly Dictionary<string, string[]> errors = [];
    private readonly Dictionary<long, string> accountCurrencies = [];
    private readonly Dictionary<long, string> categoryKinds = [];
    private readonly HashSet<long> transactionIds = [];
    private readonly Dictionary<long, List<(string Path, decimal Amount)>> transferSides = [];
    private readonly DateOnly today;

    private BackupValidator(DateOnly today) => this.today = today;

    /// <param name="today">The posting date (UTC): a restored rule posts at once what fell due by then.</param>
    public static Dictionary<string, string[]> Validate(BackupDocument document, long maxReceiptBytes, DateOnly today)
    {
        var validator = new BackupValidator(today);
        validator.Check(document, maxReceiptBytes);
        return validator.errors;
    }

    private void Check(BackupDocument document, long maxReceiptBytes)
    {
        if (document.Format != BackupDocument.FormatName)
        {
            Error("format", $"Not a FinanceTracker backup: 'format' must be \"{BackupDocument.FormatName}\".");
        }
        if (document.FormatVersion != BackupDocument.CurrentVersion)
        {
            Error("formatVersion", document.FormatVersion is null
                ? "The format version is missing."
                : $"Format version {document.FormatVersion} is unknown: this Api reads version {BackupDocument.CurrentVersion}.");
            return;
        }
        Require(document.Accounts, "accounts");
        Require(document.Categories, "categories");
        Require(document.Transactions, "transactions");
        Each(document.Accounts, "accounts", CheckAccount);
        Each(document.Categories, "categories", CheckCategory);
        Each(document.Categories, "categories", CheckParent(document.Categories ?? []));
        Each(document.ImportRules, "importRules", CheckRule);
        Each(document.RecurringRules, "recurringRules", CheckRecurringRule);
        Each(document.Budgets, "budgets", CheckBudgetLine);
        var importKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Each(document.Transactions, "transactions", (t, path) => CheckTransaction(t, path, importKeys));
        CheckTransfers();
        CheckPostedTransactions();
        var receiptIds = new HashSet<long>();
        Each(document.Receipts, "receipts", (r, path) => CheckReceipt(r, path, receiptIds, maxReceiptBytes));
    }

    private void CheckAccount(BackupAccount account, string path)
    {
        UniqueId(account.Id, path, accountCurrencies, account.Currency ?? "");
        Text(account.Name, $"{path}.name", 1, 100);
        if (!Enum.TryParse<AccountType>(account.Type, ignoreCase: true, out _) || int.TryParse(account.Type, out _))
        {
            Error($"{path}.type", $"The type must be one of {string.Join(", ", Enum.GetNames<AccountType>()).ToLowerInvariant()}.");
        }
        if (!Currencies.IsKnown(account.Currency))
        {
            Error($"{path}.currency", "Use an ISO 4217 currency code such as EUR, USD or JPY (upper case).");
        }
        else if (account.OpeningBalance is not { } opening)
        {
            Error($"{path}.openingBalance", "The opening balance is missing.");
        }
        else
        {
            Amount(opening, account.Currency!, $"{path}.openingBalance");
        }
        if (account.ImportMapping is { Length: > 60_000 })
        {
            Error($"{path}.importMapping", "The import mapping is too long.");
        }
    }

    private void CheckCategory(BackupCategory category, string path)
    {
        var kindKnown = Enum.TryParse<CategoryKind>(category.Kind, ignoreCase: true, out var kind) && !int.TryParse(category.Kind, out _);
        UniqueId(category.Id, path, categoryKinds, kindKnown ? kind.ToDb() : "");
        Text(category.Name, $"{path}.name", 1, 100);
        if (!kindKnown)
        {
            Error($"{path}.kind", "The kind must be expense or income.");
        }
        if (category.Color is { } color && !ColorPattern().IsMatch(color))
        {
            Error($"{path}.color", "The color must look like #RRGGBB.");
        }
    }

    /// <summary>A parent in the document, of the same kind, and no category its own ancestor.</summary>
    private Action<BackupCategory, string> CheckParent(List<BackupCategory> categories)
    {
        var parents = categories.Where(c => c.Id is not null).GroupBy(c => c.Id!.Value).ToDictionary(g => g.Key, g => g.First().ParentId);
        return (category, path) =>
        {
            if (category.ParentId is not { } parentId || category.Id is not { } id)
            {
                return;
            }
            if (!categoryKinds.TryGetValue(parentId, out var parentKind) || parentKind != categoryKinds.GetValueOrDefault(id))
            {
                Error($"{path}.parentId", "The parent must be a category of the same kind in this backup.");
                return;
            }
            var seen = new HashSet<long> { id };
            for (long? current = parentId; current is { } c; current = parents.GetValueOrDefault(c))
            {
                if (!seen.Add(c))
                {
                    Error($"{path}.parentId", "A category cannot be its own parent or ancestor.");
                    return;
                }
            }
        };
    }

    private void CheckRule(BackupImportRule rule, string path)
    {
        if (rule.Position is null)
        {
            Error($"{path}.position", "The position is missing.");
        }
        var matchKnown = Enum.TryParse<RuleMatch>(rule.Match, ignoreCase: true, out var match) && !int.TryParse(rule.Match, out _);
        if (!matchKnown)
        {
            Error($"{path}.match", "The match must be contains, equals or matches.");
        }
        if (Text(rule.Pattern, $"{path}.pattern", 1, 200) && matchKnown && match == RuleMatch.Matches && !IsRegex(rule.Pattern!))
        {
            Error($"{path}.pattern", "The pattern is not a valid regular expression.");
        }
        Reference(rule.CategoryId, categoryKinds, $"{path}.categoryId", "category");
        Optional(rule.RenamePayee, $"{path}.renamePayee", 200);
        Optional(rule.AddTag, $"{path}.addTag", TransactionRules.MaxTagLength);
    }

    private void CheckTransaction(BackupTransaction transaction, string path, HashSet<string> importKeys)
    {
        if (transaction.Id is not { } id)
        {
            Error($"{path}.id", "The id is missing.");
        }
        else if (!transactionIds.Add(id))
        {
            Error($"{path}.id", "Another transaction has this id.");
        }
        string? currency = null;
        if (transaction.AccountId is not { } accountId || !accountCurrencies.TryGetValue(accountId, out currency))
        {
            Error($"{path}.accountId", "The account must be one of this backup's accounts.");
        }
        Reference(transaction.CategoryId, categoryKinds, $"{path}.categoryId", "category");
        Reference(transaction.RecurringId, recurringRuleIds, $"{path}.recurringId", "recurring rule");
        if (transaction.Date is not { } date)
        {
            Error($"{path}.date", "The date is missing.");
        }
        else if (!DateBounds.Contains(date))
        {
            Error($"{path}.date", DateBounds.DateOutOfRange("date"));
        }
        if (transaction.Amount is not { } amount)
        {
            Error($"{path}.amount", "The amount is missing.");
        }
        else if (currency is { Length: > 0 })
        {
            Amount(amount, currency, $"{path}.amount");
        }
        if (transaction.Currency is { } stated && currency is { Length: > 0 } && stated != currency)
        {
            Error($"{path}.currency", $"The account's currency is {currency}.");
        }
        Optional(transaction.Payee, $"{path}.payee", 200);
        Optional(transaction.Notes, $"{path}.notes", 2000);
        var tags = transaction.Tags ?? [];
        if (tags.Count > MaxTags || tags.Any(t => t?.Trim() is not { Length: > 0 and <= TransactionRules.MaxTagLength }))
        {
            Error($"{path}.tags", $"At most {MaxTags} tags, each of 1 to {TransactionRules.MaxTagLength} characters.");
        }
        CheckSplits(transaction, path, currency);
        if (transaction.TransferId is { } transferId)
        {
            if (transaction.CategoryId is not null || transaction.Splits is { Count: > 0 })
            {
                Error($"{path}.transferId", "A side of a transfer has no category and no splits.");
            }
            if (!transferSides.TryGetValue(transferId, out var sides))
            {
                transferSides[transferId] = sides = [];
            }
            sides.Add((path, transaction.Amount ?? 0m));
        }
        if (transaction.ImportKey is { } key && (!HexPattern().IsMatch(key) || !importKeys.Add(key)))
        {
            Error($"{path}.importKey", "The import key must be 64 hex digits, different from every other transaction's.");
        }
    }

    private void CheckReceipt(BackupReceipt receipt, string path, HashSet<long> receiptIds, long maxReceiptBytes)
    {
        if (receipt.Id is not { } id || !receiptIds.Add(id))
        {
            Error($"{path}.id", "Each receipt needs an id of its own.");
        }
        if (receipt.TransactionId is not { } transactionId || !transactionIds.Contains(transactionId))
        {
            Error($"{path}.transactionId", "The transaction must be one of this backup's transactions.");
        }
        if (receipt.FileName is null || ReceiptFileName.Clean(receipt.FileName) != receipt.FileName)
        {
            Error($"{path}.fileName", "The file name is missing or not one this Api stores (no path, no control characters).");
        }
        if (!ContentSniffer.ContentTypes.Contains(receipt.ContentType))
        {
            Error($"{path}.contentType", "Receipts are JPEG, PNG, WebP, HEIC or PDF.");
        }
        if (receipt.Size is not { } size || size < 1 || size > maxReceiptBytes)
        {
            Error($"{path}.size", $"The size must be from 1 to {maxReceiptBytes} bytes.");
        }
        if (receipt.Sha256 is { } sha && !HexPattern().IsMatch(sha))
        {
            Error($"{path}.sha256", "The SHA-256 must be 64 hex digits.");
        }
    }

    /// <summary>As the Api checks a split: 2 to 50 parts in this backup's categories, each within the currency, summing to the amount.</summary>
    private void CheckSplits(BackupTransaction transaction, string path, string? currency)
    {
        if (transaction.Splits is not { Count: > 0 } parts)
        {
            return;
        }
        if (transaction.CategoryId is not null)
        {
            Error($"{path}.categoryId", "A split transaction has its categories in its parts.");
        }
        if (parts.Count is < Ledger.SplitRules.MinParts or > Ledger.SplitRules.MaxParts)
        {
            Error($"{path}.splits", $"A split has {Ledger.SplitRules.MinParts} to {Ledger.SplitRules.MaxParts} parts.");
            return;
        }
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            Reference(part?.CategoryId, categoryKinds, $"{path}.splits[{i}].categoryId", "category");
            if (part?.Amount is not { } amount)
            {
                Error($"{path}.splits[{i}].amount", "The amount is missing.");
            }
            else if (currency is { Length: > 0 })
            {
                Amount(amount, currency, $"{path}.splits[{i}].amount");
            }
            Optional(part?.Notes, $"{path}.splits[{i}].notes", Ledger.SplitRules.MaxNotesLength);
        }
        if (transaction.Amount is { } total && parts.All(p => p?.Amount is not null) && parts.Sum(p => p!.Amount!.Value) != total)
        {
            Error($"{path}.splits", "The parts must add up exactly to the transaction's amount.");
        }
    }

    /// <summary>A transfer links one money-out and one money-in side (or one side left when the other's account was deleted).</summary>
    private void CheckTransfers()
    {
        foreach (var sides in transferSides.Values)
        {
            if (sides.Count > 2 || (sides.Count == 2 && !(sides.Any(s => s.Amount < 0) && sides.Any(s => s.Amount > 0))))
            {
                Error($"{sides[^1].Path}.transferId", "A transfer links one money-out and one money-in transaction.");
            }
        }
    }

    private void Amount(decimal amount, string currency, string path)
    {
        if (Math.Abs(amount) >= MoneyLimits.MaxAbsoluteAmount)
        {
            Error(path, $"The amount must be less than {MoneyLimits.MaxAbsoluteAmount:N0} in size.");
        }
        else if (Currencies.CheckDecimalPlaces(amount, currency) is { } tooPrecise)
        {
            Error(path, tooPrecise);
        }
    }

    private void UniqueId<T>(long? id, string path, Dictionary<long, T> seen, T value)
    {
        if (id is null)
        {
            Error($"{path}.id", "The id is missing.");
        }
        else if (!seen.TryAdd(id.Value, value))
        {
            Error($"{path}.id", "Another entry has this id.");
        }
    }

    private void Reference<T>(long? id, Dictionary<long, T> known, string path, string what)
    {
        if (id is { } value && !known.ContainsKey(value))
        {
            Error(path, $"The {what} must be one of this backup's {what} entries.");
        }
    }

    private bool Text(string? value, string path, int min, int max)
    {
        if (value?.Trim() is { } trimmed && trimmed.Length >= min && value.Length <= max)
        {
            return true;
        }
        Error(path, $"Required: {min} to {max} characters.");
        return false;
    }

    private void Optional(string? value, string path, int max)
    {
        if (value is { } text && text.Length > max)
        {
            Error(path, $"At most {max} characters.");
        }
    }

    private void Require<T>(List<T>? section, string path)
    {
        if (section is null)
        {
            Error(path, "This section is missing.");
        }
    }

    private void Each<T>(List<T>? items, string section, Action<T, string> check)
    {
        for (var i = 0; i < (items?.Count ?? 0) && errors.Count < MaxErrors; i++)
        {
            var path = $"{section}[{i}]";
            if (items![i] is { } item)
            {
                check(item, path);
            }
            else
            {
                Error(path, "The entry is null.");
            }
        }
    }

    private void Error(string path, string message)
    {
        if (errors.Count < MaxErrors)
        {
            errors.TryAdd(path, [message]);
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex HexPattern();
}
