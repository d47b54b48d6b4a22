using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Register;

/// <summary>
/// One account's register: a page of its rows at a time with the running balance the Api computes, Cleared boxes, and the
/// reconcile panel. Filters and the page live in the URL; a change here updates the URL, and a URL from outside (reload,
/// Back, Forward) is read back in <see cref="OnParametersSetAsync"/>.
/// </summary>
public partial class Register
{
    private Lookups _lookups = Lookups.Empty;
    private Account? _account;
    private ReconciliationStatus? _status;
    private RegisterView _view = RegisterView.Empty;
    private string? _shownUrl;
    private TransactionPage? _page;
    private bool _loading = true;
    private bool _missing;
    private bool _reconciling;
    private string? _notice;
    private int _generation;
    private int _requestNumber;

    [Parameter] public long Id { get; set; }
    [SupplyParameterFromQuery] public string? From { get; set; }
    [SupplyParameterFromQuery] public string? To { get; set; }
    [SupplyParameterFromQuery] public string? Q { get; set; }
    [SupplyParameterFromQuery] public string? Pages { get; set; }

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    private string RangeText
    {
        get
        {
            var first = (_view.PageNumber - 1) * RegisterView.PageSize + 1;
            var last = first + (_page?.Items.Count ?? 0) - 1;
            return $"{first:N0}–{last:N0} of {_page?.TotalCount:N0}";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var view = RegisterView.Read(From, To, Q, Pages);
        if (_account?.Id != Id)
        {
            (_account, _missing, _reconciling, _notice) = (null, false, false, null);
            _view = view;
            _shownUrl = view.Url(Id);
            await ReloadAsync();
        }
        else if (view.Url(Id) != _shownUrl)
        {
            _view = view;
            _shownUrl = view.Url(Id);
            await LoadPageAsync();
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAccountAsync();
        if (_account is not null)
        {
            await LoadPageAsync();
        }
        _loading = false;
    }

    private async Task LoadAccountAsync()
    {
        var today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
        await TryApiAsync(async () =>
        {
            _lookups = await Lookups.LoadAsync(Api);
            _account = _lookups.Account(Id);
            _missing = _account is null;
            _status = _account is null ? null : await Api.GetReconciliationAsync(Id, today);
        });
    }

    /// <summary>A new view from the filters or the pager: into the URL (a history entry), then loaded.</summary>
    private Task ShowAsync(RegisterView view)
    {
        _view = view;
        _shownUrl = view.Url(Id);
        Navigation.NavigateTo(_shownUrl);
        return LoadPageAsync();
    }

    private async Task LoadPageAsync()
    {
        if (_view.RangeIsBackwards)
        {
            // The filters say so beside the To field; nothing to ask the Api.
            _page = new TransactionPage([], 0, [], null);
            return;
        }
        // Filters can change while a page is loading; only the newest answer is shown.
        var request = ++_requestNumber;
        _loading = true;
        TransactionPage? page = null;
        await TryApiAsync(async () => page = await Api.GetTransactionsAsync(_view.ToQuery(Id)));
        if (request == _requestNumber)
        {
            _page = page ?? _page;
            _loading = false;
        }
    }
}
