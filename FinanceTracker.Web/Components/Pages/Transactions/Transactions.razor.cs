using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using FinanceTracker.Web.Exports;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>
/// One page of transactions at a time from the Api's keyset paging: the cursors of the pages already
/// seen are kept so Previous works, and a person with 100,000 rows only ever loads 50 at a time.
/// </summary>
public partial class Transactions
{
    private const int PageSize = 50;

    private readonly TransactionFilter _filter = new();
    private readonly List<string?> _cursors = [null];
    private Lookups _lookups = Lookups.Empty;
    private TransactionPage? _page;
    private bool _ready;
    private bool _loading = true;
    private bool _dialogOpen;
    private int _requestNumber;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }

    /// <summary>From the import page's "Show the imported transactions": only the rows that import added.</summary>
    [SupplyParameterFromQuery] public long? ImportId { get; set; }

    private string RangeText
    {
        get
        {
            var first = (_cursors.Count - 1) * PageSize + 1;
            var last = first + (_page?.Items.Count ?? 0) - 1;
            return $"{first:N0}–{last:N0} of {_page?.TotalCount:N0}";
        }
    }

    protected override Task OnInitializedAsync()
    {
        _filter.ImportId = ImportId;
        return ReloadAllAsync();
    }

    /// <summary>The current filters, as a download of every matching row (not only this page).</summary>
    private string ExportUrl(string format) => ExportEndpoints.TransactionsUrl(format, _filter.ToQuery(null, PageSize));

    private Task ShowAllAsync()
    {
        _filter.ImportId = null;
        Navigation.NavigateTo("/transactions", replace: true);
        return FirstPageAsync();
    }

    private async Task ReloadAllAsync()
    {
        if (await TryApiAsync(async () => _lookups = await Lookups.LoadAsync(Api)))
        {
            _ready = true;
            await FirstPageAsync();
        }
        _loading = false;
    }

    private Task FirstPageAsync()
    {
        _cursors.RemoveRange(1, _cursors.Count - 1);
        return LoadPageAsync();
    }

    private Task NextAsync()
    {
        _cursors.Add(_page?.NextCursor);
        return LoadPageAsync();
    }

    private Task PreviousAsync()
    {
        _cursors.RemoveAt(_cursors.Count - 1);
        return LoadPageAsync();
    }

    private async Task LoadPageAsync()
    {
        // Filters can change while a page is loading; only the newest answer is shown.
        var request = ++_requestNumber;
        _loading = true;
        TransactionPage? page = null;
        await TryApiAsync(async () => page = await Api.GetTransactionsAsync(_filter.ToQuery(_cursors[^1], PageSize)));
        if (request == _requestNumber)
        {
            _page = page ?? _page;
            _loading = false;
        }
    }

    private Task AddAsync() => OpenAsync(null);

    private Task EditAsync(Transaction transaction) => OpenAsync(transaction);

    private async Task OpenAsync(Transaction? transaction)
    {
        _dialogOpen = true;
        var result = await TransactionEditor.ShowAsync(Dialogs, transaction, _lookups.Accounts, _lookups.Categories, _filter.AccountId);
        _dialogOpen = false;
        if (result?.Saved is { } saved)
        {
            Notifications.Toast(transaction is null ? "Added" : "Saved", TransactionEditor.Summary(saved));
            await LoadPageAsync();
        }
        else if (result?.DeleteRequested == true && transaction is not null)
        {
            await DeleteAsync(transaction);
        }
        else if (transaction is not null)
        {
            // Receipts attached or deleted in the dialog change the row's paperclip even without a save.
            await LoadPageAsync();
        }
    }

    private async Task DeleteAsync(Transaction transaction)
    {
        _dialogOpen = true;
        var confirmed = await TransactionEditor.ConfirmDeleteAsync(Dialogs, transaction);
        _dialogOpen = false;
        if (confirmed && await TryApiAsync(() => TransactionEditor.DeleteConfirmedAsync(Api, transaction)))
        {
            Notifications.Toast("Deleted", TransactionEditor.Summary(transaction));
            await LoadPageAsync();
        }
    }
}
