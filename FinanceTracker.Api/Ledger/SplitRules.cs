using System.Globalization;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;
using MySqlConnector;

namespace FinanceTracker.Api.Ledger;

/// <summary>
/// A split's rules: 2 to 50 parts whose amounts add up exactly to the transaction's amount, no category on the transaction
/// itself, each part's amount within the account currency's decimals and its category the caller's own.
/// </summary>
internal static class SplitRules
{
    public const int MinParts = 2;
    public const int MaxParts = 50;
    public const int MaxNotesLength = 500;

    /// <summary>The parts (none when <paramref name="splits"/> is null or empty), adding field errors to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<SplitPart> Normalize(List<SplitRequest?>? splits, decimal amount, long? categoryId, Dictionary<string, string[]> errors)
    {
        if (splits is not { Count: > 0 })
        {
            return [];
        }
        if (splits.Count is < MinParts or > MaxParts)
        {
            errors["splits"] = [$"A split has {MinParts} to {MaxParts} parts."];
            return [];
        }
        if (categoryId is not null)
        {
            errors["categoryId"] = ["A split transaction has no category of its own: give each part one instead."];
        }

        var parts = new List<SplitPart>(splits.Count);
        for (var i = 0; i < splits.Count; i++)
        {
            var part = splits[i];
            if (part?.Amount is not { } partAmount)
            {
                errors[$"splits[{i}].amount"] = ["Each part needs an amount."];
                continue;
            }
            if (partAmount == 0 || Math.Abs(partAmount) >= MoneyLimits.MaxAbsoluteAmount)
            {
                errors[$"splits[{i}].amount"] = [$"A part's amount must not be 0 and less than {MoneyLimits.MaxAbsoluteAmount:N0} in size."];
                continue;
            }
            var notes = part.Notes?.Trim() ?? "";
            if (notes.Length > MaxNotesLength)
            {
                errors[$"splits[{i}].notes"] = [$"A part's notes have at most {MaxNotesLength} characters."];
                continue;
            }
            parts.Add(new SplitPart(part.CategoryId, partAmount, notes));
        }

        if (parts.Count == splits.Count && parts.Sum(p => p.Amount) is var sum && sum != amount)
        {
            errors["splits"] = [string.Create(CultureInfo.InvariantCulture,
                $"The parts add up to {sum}, the transaction's amount is {amount}: they must be equal.")];
        }
        return parts;
    }

    /// <summary>The checks that need the account's currency and the database; the first failure, keyed by field, or null.</summary>
    public static async Task<(string Field, string Message)?> CheckReferencesAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<SplitPart> parts, string currency)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (Currencies.CheckDecimalPlaces(parts[i].Amount, currency) is { } error)
            {
                return ($"splits[{i}].amount", error);
            }
        }
        // Share-locked in id order, as a single category is: a concurrent delete either waits or refuses this write.
        foreach (var (categoryId, index) in parts.Select((p, i) => (p.CategoryId, i)).Where(p => p.CategoryId is not null).OrderBy(p => p.CategoryId))
        {
            if (!await TransactionWrites.CategoryExistsAsync(connection, transaction, userId, categoryId!.Value))
            {
                return ($"splits[{index}].categoryId", "No such category.");
            }
        }
        return null;
    }
}
