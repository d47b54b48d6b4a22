using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Shared;

/// <summary>Accounts and categories by id, to show names next to transactions.</summary>
public sealed class Lookups(IReadOnlyList<Account> accounts, IReadOnlyList<Category> categories)
{
    private readonly Dictionary<long, Account> _accounts = accounts.ToDictionary(a => a.Id);
    private readonly Dictionary<long, Category> _categories = categories.ToDictionary(c => c.Id);

    public static Lookups Empty { get; } = new([], []);

    public IReadOnlyList<Account> Accounts { get; } = accounts;

    public IReadOnlyList<Category> Categories { get; } = categories;

    public Account? Account(long id) => _accounts.GetValueOrDefault(id);

    public Category? Category(long? id) => id is { } value ? _categories.GetValueOrDefault(value) : null;

    public static async Task<Lookups> LoadAsync(FinanceApiClient api)
    {
        var accounts = api.GetAccountsAsync();
        var categories = api.GetCategoriesAsync();
        return new Lookups(await accounts, await categories);
    }
}
