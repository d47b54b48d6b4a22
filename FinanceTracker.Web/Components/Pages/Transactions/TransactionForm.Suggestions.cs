using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Suggestion = FinanceTracker.Web.Components.Shared.SuggestField.Suggestion;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>Payees and tags from the person's history, suggested while typing. Suggestions are a help: when the Api fails, there are none.</summary>
public partial class TransactionForm
{
    private const int SuggestionCount = 8;

    private IReadOnlyList<Payee> _payees = [];

    [Inject] public required FinanceApiClient Api { get; init; }

    private async Task<IReadOnlyList<Suggestion>> SuggestPayeesAsync(string text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        _payees = await OrNoneAsync(() => Api.GetPayeesAsync(text, SuggestionCount, ct));
        return _payees.Select(p => new Suggestion(p.Name, Categories.FirstOrDefault(c => c.Id == p.LastCategoryId)?.Name)).ToList();
    }

    /// <summary>Tags are typed comma-separated: the last one is completed, the ones before stay as they are.</summary>
    private async Task<IReadOnlyList<Suggestion>> SuggestTagsAsync(string text, CancellationToken ct)
    {
        var comma = text.LastIndexOf(',');
        var typing = text[(comma + 1)..].Trim();
        var before = comma < 0 ? "" : text[..(comma + 1)].TrimEnd() + " ";
        var chosen = before.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tags = await OrNoneAsync(() => Api.GetTagsAsync(typing, SuggestionCount, ct));
        return tags.Where(t => !chosen.Contains(t.Tag)).Select(t => new Suggestion(before + t.Tag, TagLabel(t))).ToList();
    }

    private static string TagLabel(TagCount tag) => tag.Count == 1 ? "1 transaction" : $"{tag.Count:N0} transactions";

    /// <summary>A payee from the history brings its last category, unless a category was chosen already.</summary>
    private void PayeePicked(string name)
    {
        if (Model.CategoryId is null && Model.Mode == TransactionFormMode.Single && !Model.IsTransferSide
            && _payees.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { LastCategoryId: { } categoryId }
            && Categories.Any(c => c.Id == categoryId))
        {
            Model.CategoryId = categoryId;
            CategoryChanged();
        }
    }

    private static async Task<IReadOnlyList<T>> OrNoneAsync<T>(Func<Task<IReadOnlyList<T>>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is ApiException or ApiUnavailableException)
        {
            return [];
        }
    }
}
