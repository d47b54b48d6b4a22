using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Transactions;

public sealed partial class TransactionFilters : IDisposable
{
    private readonly string _searchId = FieldIds.New();
    private readonly string _fromId = FieldIds.New();
    private readonly string _toId = FieldIds.New();
    private readonly string _accountId = FieldIds.New();
    private readonly string _categoryId = FieldIds.New();
    private readonly string _tagId = FieldIds.New();
    private readonly string _minId = FieldIds.New();
    private readonly string _maxId = FieldIds.New();
    private CancellationTokenSource? _debounce;
    private bool _open;
    private TransactionFilter? _shown;

    [Parameter, EditorRequired] public required TransactionFilter Filter { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<Account> Accounts { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<Category> Categories { get; set; }

    /// <summary>The tag filter's choices, most used first.</summary>
    [Parameter] public IReadOnlyList<TagCount> Tags { get; set; } = [];

    /// <summary>Hides the panel while a dialog is open over the page.</summary>
    [Parameter] public bool Hidden { get; set; }
    [Parameter] public EventCallback OnChange { get; set; }

    // Filters read from the URL (a reload, Back, a link) open the panel, so what is applied is in view.
    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Filter, _shown))
        {
            _shown = Filter;
            _open |= Filter.PanelCount > 0;
        }
    }

    // Wait for a pause in typing, so the Api is not asked once per keystroke.
    private async Task SearchChangedAsync()
    {
        _debounce?.Cancel();
        _debounce = new CancellationTokenSource();
        try
        {
            await Task.Delay(300, _debounce.Token);
            await OnChange.InvokeAsync();
        }
        catch (TaskCanceledException)
        {
            // A newer keystroke took over.
        }
    }

    private Task ClearAsync()
    {
        Filter.ClearPanel();
        return OnChange.InvokeAsync();
    }

    public void Dispose() => _debounce?.Cancel();
}
