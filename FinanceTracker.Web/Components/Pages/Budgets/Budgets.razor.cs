using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Budgets;

/// <summary>
/// One month's budget in one currency, edited inline and saved whole (the Api replaces the month's lines). The month and
/// currency live in the address (?month=2026-11&amp;currency=EUR), so a reload or a shared link keeps them.
/// </summary>
public partial class Budgets
{
    private Lookups? _lookups;
    private BudgetSheet? _sheet;
    private DateOnly _month;
    private (DateOnly Month, string? Currency)? _loaded;
    private string? _notice;
    private string? _pickedCurrency;
    private bool _busy;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    [SupplyParameterFromQuery(Name = "month")] public string? Month { get; set; }
    [SupplyParameterFromQuery(Name = "currency")] public string? Currency { get; set; }

    private bool HasExpenseCategories => _lookups?.Categories.Any(c => c.Kind == CategoryKind.Expense) == true;

    /// <summary>The currencies of the person's accounts, and the one shown even if no account has it any more.</summary>
    private IReadOnlyList<string> Currencies =>
        [.. (_lookups?.Accounts.Select(a => a.Currency) ?? []).Append(_sheet?.Currency ?? "").Where(c => c.Length > 0).Distinct().Order()];

    protected override async Task OnParametersSetAsync()
    {
        _month = BudgetMonth.Parse(Month) ?? BudgetMonth.Of(DateOnly.FromDateTime(Time.GetLocalNow().DateTime));
        if (_loaded != (_month, Currency))
        {
            _loaded = (_month, Currency);
            await LoadAsync();
        }
    }

    private Task ReloadAsync()
    {
        _lookups = null;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _notice = null;
        _pickedCurrency = null;
        var loaded = await TryApiAsync(async () =>
        {
            _lookups ??= await Lookups.LoadAsync(Api);
            _sheet = _lookups.Accounts.Count > 0 && HasExpenseCategories
                ? BudgetSheet.From(_lookups.Categories, await Api.GetBudgetAsync(_month, Currency))
                : null;
        });
        if (!loaded)
        {
            // Never another month's figures under this month's heading.
            _sheet = null;
        }
    }

    /// <summary>Another month, another currency or another page would drop typed amounts: ask first.</summary>
    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (_sheet?.HasChanges == true && !await Dialogs.ConfirmAsync("Leave without saving?",
                $"Your changes to the budget for {BudgetMonth.Label(_month)} are not saved yet.", "Discard changes"))
        {
            context.PreventNavigation();
            // The currency list shows the currency still on screen again, not the one picked.
            _pickedCurrency = null;
        }
    }

    private void GoToMonth(int offset) => Navigation.NavigateTo(BudgetMonth.Url(_month.AddMonths(offset), _sheet?.Currency ?? Currency));

    private void ChangeCurrency(ChangeEventArgs e)
    {
        _pickedCurrency = e.Value?.ToString();
        Navigation.NavigateTo(BudgetMonth.Url(_month, _pickedCurrency));
    }

    private async Task SaveAsync()
    {
        if (_sheet is not { } sheet || _busy)
        {
            return;
        }
        _notice = null;
        if (sheet.ToRequest() is not { } request)
        {
            return;
        }
        _busy = true;
        IReadOnlyList<string> unmatched = [];
        var saved = await TryApiAsync(async () => _sheet = BudgetSheet.From(_lookups!.Categories, await Api.SaveBudgetAsync(_month, request)),
            e =>
            {
                unmatched = sheet.ShowErrors(e);
                return e.FieldErrors.Count > 0;
            });
        _busy = false;
        if (unmatched.Count > 0)
        {
            Problem = string.Join(" ", unmatched);
        }
        if (saved)
        {
            Notifications.Toast("Saved", $"The budget for {BudgetMonth.Label(_month)} is saved.");
        }
    }

    private async Task CopyLastMonthAsync()
    {
        if (_sheet is not { } sheet || _busy)
        {
            return;
        }
        var source = _month.AddMonths(-1);
        _notice = null;
        if (sheet.SetLineCount > 0 && !await Dialogs.ConfirmAsync($"Replace the budget for {BudgetMonth.Label(_month)}?",
                $"Its {sheet.SetLineCount} {(sheet.SetLineCount == 1 ? "line" : "lines")} will be replaced by the amounts of {BudgetMonth.Label(source)}.", "Replace"))
        {
            return;
        }
        _busy = true;
        var nothingToCopy = false;
        var copied = await TryApiAsync(async () => _sheet = BudgetSheet.From(_lookups!.Categories, await Api.CopyBudgetAsync(_month, source, sheet.Currency)),
            e => nothingToCopy = e.IsNotFound);
        _busy = false;
        if (copied)
        {
            Notifications.Toast("Copied", $"{BudgetMonth.Label(source)}'s amounts are now the budget for {BudgetMonth.Label(_month)}.");
        }
        else if (nothingToCopy)
        {
            _notice = $"{BudgetMonth.Label(source)} has no budget in {sheet.Currency} to copy.";
        }
    }
}
