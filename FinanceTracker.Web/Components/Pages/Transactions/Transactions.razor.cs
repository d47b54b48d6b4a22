using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using FinanceTracker.Web.Exports;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>
/// One page of transactions at a time from the Api's keyset paging: the cursors of the pages already
/// seen are kept (in the URL) so Previous works, and a person with 100,000 rows only ever loads 50 at a time.
/// </summary>
public partial class Transactions
{
    private const int PageSize = 50;
    private const int MaxTagChoices = 1000;

    // What the inputs show; the page shown is always the one in the URL (_applied), so reload, Back and Forward return to it.
    private TransactionFilter _filter = new();
    private TransactionFilter _applied = new();
    private string[] _after = [];
    private string? _shownPlace;
    private readonly List<string> _pushed = [];
    private Lookups _lookups = Lookups.Empty;
    private IReadOnlyList<TagCount> _tags = [];
    private TransactionPage? _page;
    // The count and totals of the filters applied, asked once per filter (not per page), and the place (without page) they are of.
    private TransactionTotals? _totals;
    private string? _totalsOf;
    private bool _ready;
    private bool _loading = true;
    private bool _dialogOpen;
    private int _requestNumber;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }

    [SupplyParameterFromQuery] public string? Q { get; set; }
    [SupplyParameterFromQuery] public string? AccountId { get; set; }
    [SupplyParameterFromQuery] public string? CategoryId { get; set; }
    [SupplyParameterFromQuery] public string? From { get; set; }
    [SupplyParameterFromQuery] public string? To { get; set; }
    [SupplyParameterFromQuery] public string? Tag { get; set; }
    [SupplyParameterFromQuery] public string? Min { get; set; }
    [SupplyParameterFromQuery] public string? Max { get; set; }

    /// <summary>From the import page's "Show the imported transactions": only the rows that import added.</summary>
    [SupplyParameterFromQuery] public string? ImportId { get; set; }

    /// <summary>The cursors of the pages paged through, oldest first; the last one is the page shown.</summary>
    [SupplyParameterFromQuery] public string[]? After { get; set; }

    private string RangeText
    {
        get
        {
            var first = _after.Length * PageSize + 1;
            var last = first + (_page?.Items.Count ?? 0) - 1;
            return $"{first:N0}–{last:N0} of {_totals?.TotalCount:N0}";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        if (await TryApiAsync(async () => _lookups = await Lookups.LoadAsync(Api)))
        {
            _ready = true;
            // The tag filter's choices come beside the first page, not before it; without them the page still works (the
            // tag in a URL is still applied).
            _ = ShowTagsAsync();
        }
        _loading = false;
    }

    protected override Task OnParametersSetAsync()
    {
        // Called again for each navigation to this page (a filter change, Back, Forward); the same place loads once.
        var applied = TransactionFilterUrl.Parse(Q, AccountId, CategoryId, From, To, Tag, Min, Max, ImportId);
        var after = (After ?? []).Where(c => !string.IsNullOrEmpty(c)).ToArray();
        var place = TransactionFilterUrl.Build(Navigation, applied, after);
        if (!_ready || place == _shownPlace)
        {
            return Task.CompletedTask;
        }
        (_applied, _after, _shownPlace) = (applied, after, place);
        // Our own changes arrive in order, maybe while the person already typed the next one: the inputs stay as they are.
        var ours = _pushed.IndexOf(place);
        if (ours >= 0)
        {
            _pushed.RemoveRange(0, ours + 1);
        }
        else
        {
            // Not our own change (a reload, Back, Forward, a link): the inputs follow the URL.
            _filter = _applied.Copy();
        }
        return LoadPageAsync();
    }

    /// <summary>The current filters, as a download of every matching row (not only this page).</summary>
    private string ExportUrl(string format) => ExportEndpoints.TransactionsUrl(format, _applied.ToQuery(null, PageSize));

    private string EmptyText =>
        !_applied.IsValid ? "Fix the filters above to see transactions."
        : _applied.IsEmpty ? "No transactions yet. Use Add transaction to record the first one."
        : "No transactions match these filters.";

    private void ShowAll()
    {
        _filter.ImportId = null;
        Go(_filter, []);
    }

    private async Task ReloadAllAsync()
    {
        (_shownPlace, _totals) = (null, null);
        await OnInitializedAsync();
        await OnParametersSetAsync();
    }

    /// <summary>Each change of the filters is a history entry of its own, starting from the first page.</summary>
    private void FirstPage() => Go(_filter, []);

    private void Next()
    {
        if (_page?.NextCursor is { } next)
        {
            Go(_applied, [.. _after, next]);
        }
    }

    private void Previous() => Go(_applied, _after[..^1]);

    private void Go(TransactionFilter filter, string[] after)
    {
        var place = TransactionFilterUrl.Build(Navigation, filter, after);
        if (place == _shownPlace)
        {
            return;
        }
        _pushed.Add(place);
        Navigation.NavigateTo(place);
    }

    /// <summary>
    /// The page in the URL, shown as soon as it comes; then the count and totals, only when the filters changed (or
    /// <paramref name="dataChanged"/>): on a million rows a text or category filter's totals count every match (~180 ms
    /// for a word), which neither the first rows should wait for nor paging pay for again.
    /// </summary>
    private async Task LoadPageAsync(bool dataChanged = false)
    {
        // Filters can change while a page is loading; only the newest answer is shown.
        var request = ++_requestNumber;
        if (!_applied.IsValid)
        {
            (_page, _totals, _totalsOf, _loading) = (null, null, null, false);
            return;
        }
        _loading = true;
        var query = _applied.ToQuery(_after.LastOrDefault(), PageSize) with { WithTotals = false };
        var totalsOf = TransactionFilterUrl.Build(Navigation, _applied, []);
        var totalsAnswer = dataChanged || _totals is null || totalsOf != _totalsOf ? Api.GetTransactionTotalsAsync(query) : null;
        TransactionPage? page = null;
        await TryApiAsync(async () => page = await Api.GetTransactionsAsync(query));
        if (request != _requestNumber)
        {
            Forget(totalsAnswer);
            return;
        }
        _loading = false;
        if (page is null)
        {
            // The page failed and says why; its totals are not shown, nor a second failure.
            Forget(totalsAnswer);
            return;
        }
        _page = page;
        if (totalsAnswer is null)
        {
            return;
        }
        // The pager's count and totals of the previous filters would be wrong under the new page: none until they come.
        (_totals, _totalsOf) = (null, null);
        StateHasChanged();
        TransactionTotals? totals = null;
        await TryApiAsync(async () => totals = await totalsAnswer);
        if (request == _requestNumber && totals is not null)
        {
            (_totals, _totalsOf) = (totals, totalsOf);
        }
    }

    /// <summary>An answer no longer shown: its failure is observed, not raised.</summary>
    private static void Forget(Task? answer) => answer?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    private Task AddAsync() => OpenAsync(null);

    private Task EditAsync(Transaction transaction) => OpenAsync(transaction);

    private async Task OpenAsync(Transaction? transaction)
    {
        _dialogOpen = true;
        var result = await TransactionEditor.ShowAsync(Dialogs, transaction, _lookups.Accounts, _lookups.Categories, _applied.AccountId);
        _dialogOpen = false;
        if (result?.Saved is { } saved)
        {
            Notifications.Toast(transaction is null ? "Added" : "Saved", TransactionEditor.Summary(saved));
            await RefreshAsync();
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

    /// <summary>After a save: the page and totals again, and the tag filter's choices (a new tag may have come).</summary>
    private async Task RefreshAsync()
    {
        await LoadTagsAsync();
        await LoadPageAsync(dataChanged: true);
    }

    private async Task ShowTagsAsync()
    {
        await LoadTagsAsync();
        StateHasChanged();
    }

    private Task LoadTagsAsync() => TryApiAsync(async () => _tags = await Api.GetTagsAsync(limit: MaxTagChoices));

    private async Task DeleteAsync(Transaction transaction)
    {
        _dialogOpen = true;
        var confirmed = await TransactionEditor.ConfirmDeleteAsync(Dialogs, transaction);
        _dialogOpen = false;
        if (confirmed && await TryApiAsync(() => TransactionEditor.DeleteConfirmedAsync(Api, transaction)))
        {
            Notifications.Toast("Deleted", TransactionEditor.Summary(transaction));
            await LoadPageAsync(dataChanged: true);
        }
    }
}
