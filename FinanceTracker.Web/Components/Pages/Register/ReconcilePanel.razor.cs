using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using FinanceTracker.Web.Formatting;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Register;

public partial class ReconcilePanel
{
    private const int RowsPerLoad = 100;

    private readonly string _titleId = FieldIds.New();
    private readonly string _hintId = FieldIds.New();
    private readonly string _dateId = FieldIds.New();
    private readonly string _balanceId = FieldIds.New();
    private ElementReference _title;
    private DateOnly? _date;
    private string? _balanceText;
    private ReconciliationStatus? _status;
    private List<Transaction> _rows = [];
    private string? _next;
    private bool _loading = true;
    private bool _finishing;
    private int _generation;
    private int _statusRequest;
    private int _rowsRequest;

    [Parameter, EditorRequired] public required Account Account { get; set; }
    [Parameter] public EventCallback<ReconcileResult> OnFinished { get; set; }

    /// <summary>Closing without finishing; the ticks are already saved.</summary>
    [Parameter] public EventCallback OnCancel { get; set; }

    [Inject] public required TimeProvider Time { get; init; }

    private decimal? StatementBalance => AmountText.TryParse(_balanceText, out var value) ? value : null;

    /// <summary>What the statement says minus what the cleared rows come to: zero when they agree.</summary>
    private decimal? Difference => StatementBalance is { } statement && _status is { } status ? statement - status.ClearedBalance : null;

    private bool CanFinish => Difference == 0 && _date is not null && !_finishing;

    private string RowsTitle => _date is { } date ? $"Transactions up to {RegisterText.LongDate(date)}" : "Transactions";

    protected override Task OnInitializedAsync()
    {
        _date = DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
        return LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await _title.FocusAsync();
        }
    }

    private async Task LoadAsync()
    {
        if (_date is not { } date)
        {
            (_rows, _next, _status) = ([], null, null);
            return;
        }
        // The date can change while the rows of the previous one are loading: only the newest date's rows are shown.
        var request = ++_rowsRequest;
        _loading = true;
        TransactionPage? page = null;
        await TryApiAsync(async () => page = await Api.GetTransactionsAsync(Query(date, null)));
        if (request != _rowsRequest)
        {
            return;
        }
        if (page is not null)
        {
            (_rows, _next) = (Unreconciled(page), page.NextCursor);
        }
        await RefreshStatusAsync();
        _loading = false;
    }

    private async Task MoreAsync()
    {
        TransactionPage? page = null;
        if (_date is { } date && await TryApiAsync(async () => page = await Api.GetTransactionsAsync(Query(date, _next))) && page is not null)
        {
            _rows.AddRange(Unreconciled(page));
            _next = page.NextCursor;
        }
    }

    private TransactionQuery Query(DateOnly date, string? cursor) => new() { AccountId = Account.Id, To = date, PageSize = RowsPerLoad, Cursor = cursor };

    // Reconciled rows already match an earlier statement; they still count in the cleared balance.
    private static List<Transaction> Unreconciled(TransactionPage page) => page.Items.Where(t => !t.Reconciled).ToList();

    private async Task ToggleAsync(Transaction row, bool cleared)
    {
        Transaction? saved = null;
        if (await TryApiAsync(async () => saved = await Api.SetClearedAsync(row.Id, cleared)) && saved is not null)
        {
            var index = _rows.FindIndex(t => t.Id == row.Id);
            if (index >= 0)
            {
                _rows[index] = saved;
            }
            await RefreshStatusAsync();
        }
        else
        {
            _generation++;
        }
    }

    /// <summary>Ticks can overlap; only the newest answer is shown, so the difference never goes back to an older sum.</summary>
    private async Task RefreshStatusAsync()
    {
        if (_date is not { } date)
        {
            return;
        }
        var request = ++_statusRequest;
        ReconciliationStatus? status = null;
        await TryApiAsync(async () => status = await Api.GetReconciliationAsync(Account.Id, date));
        if (request == _statusRequest && status is not null)
        {
            _status = status;
        }
    }

    private async Task FinishAsync()
    {
        if (!CanFinish)
        {
            return;
        }
        _finishing = true;
        ReconcileResult? result = null;
        await TryApiAsync(async () => result = await Api.ReconcileAsync(Account.Id, new ReconcileRequest(_date!.Value, StatementBalance!.Value)));
        _finishing = false;
        if (result is not null)
        {
            await OnFinished.InvokeAsync(result);
        }
        else
        {
            // The rows changed elsewhere since the last sum: show what the Api counts now.
            await RefreshStatusAsync();
        }
    }
}
