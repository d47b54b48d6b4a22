using FinanceTracker.Web.Api;
using Microsoft.FluentUI.AspNetCore.Components;
using Icons = Microsoft.FluentUI.AspNetCore.Components.Icons;

namespace FinanceTracker.Web.Components.Pages.Accounts;

public static class AccountTypes
{
    public static IReadOnlyList<AccountType> All { get; } = Enum.GetValues<AccountType>();

    public static string Label(AccountType type) => type switch
    {
        AccountType.Credit => "Credit card",
        _ => type.ToString(),
    };

    /// <summary>The Api's spelling; also the option value, so a select can be driven by either form.</summary>
    public static string Value(AccountType type) => type.ToString().ToLowerInvariant();

    public static Icon Icon(AccountType type) => type switch
    {
        AccountType.Checking => new Icons.Regular.Size24.BuildingBank(),
        AccountType.Savings => new Icons.Regular.Size24.Savings(),
        AccountType.Credit => new Icons.Regular.Size24.Payment(),
        AccountType.Cash => new Icons.Regular.Size24.Money(),
        AccountType.Investment => new Icons.Regular.Size24.ArrowTrendingLines(),
        _ => new Icons.Regular.Size24.Receipt(),
    };
}
