using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using FinanceTracker.Web.Receipts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.FluentUI.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>
/// Lists, attaches and deletes a transaction's receipts. The file bytes travel browser → Web endpoint
/// → Api over HTTP (see <see cref="ReceiptEndpoints"/>); this component only hears progress and the answer.
/// </summary>
public partial class ReceiptsSection : IAsyncDisposable
{
    private List<Receipt> _receipts = [];
    private ElementReference _zone;
    private ElementReference _input;
    private IJSObjectReference? _module;
    private IJSObjectReference? _uploader;
    private DotNetObjectReference<ReceiptsSection>? _self;
    private string? _uploading;
    private int _progress;
    private string? _uploadError;
    private string? _refusedFile;

    /// <summary>The saved transaction; null for one not saved yet, which cannot hold receipts.</summary>
    [Parameter] public long? TransactionId { get; set; }

    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }
    [Inject] public required AntiforgeryStateProvider Antiforgery { get; init; }

    protected override async Task OnInitializedAsync()
    {
        if (TransactionId is { } id)
        {
            var gone = false;
            await TryApiAsync(async () => _receipts = [.. await Api.GetReceiptsAsync(id)], problem => gone = problem.IsNotFound);
            if (gone)
            {
                Problem = "This transaction was deleted elsewhere, so it has no receipts to show.";
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || TransactionId is not { } id)
        {
            return;
        }
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["Components/Pages/Transactions/ReceiptsSection.razor.js"]);
        _uploader = await _module.InvokeAsync<IJSObjectReference>("attach", _zone, _input, _self, new
        {
            url = ReceiptEndpoints.UploadPath(id),
            tokenHeader = ReceiptEndpoints.AntiforgeryHeader,
            token = Antiforgery.GetAntiforgeryToken()?.Value,
            maxBytes = ReceiptEndpoints.MaxFileBytes,
        });
    }

    [JSInvokable]
    public void UploadStarted(string fileName)
    {
        _uploading = fileName;
        _progress = 0;
        _uploadError = null;
        StateHasChanged();
    }

    [JSInvokable]
    public void UploadProgress(int percent)
    {
        _progress = Math.Clamp(percent, 0, 100);
        StateHasChanged();
    }

    /// <param name="status">The upload endpoint's HTTP status, or 0 when there was no answer.</param>
    [JSInvokable]
    public void UploadFinished(string fileName, int status, string? body)
    {
        _uploading = null;
        var outcome = ReceiptUploadOutcome.From(status, body);
        if (outcome.SignedOut)
        {
            var returnUrl = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
            Navigation.NavigateTo($"account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
            return;
        }
        if (outcome.Attached is { } receipt)
        {
            _uploadError = null;
            _receipts.Add(receipt);
            Notifications.Toast("Attached", receipt.FileName);
        }
        else
        {
            _refusedFile = fileName;
            _uploadError = outcome.Error;
        }
        StateHasChanged();
    }

    private async Task DeleteAsync(Receipt receipt)
    {
        if (!await Dialogs.ConfirmAsync("Delete this receipt?", $"“{receipt.FileName}” will be removed from this transaction for good."))
        {
            return;
        }
        // Already gone (deleted in another tab) is what the person wanted too.
        var gone = false;
        var deleted = await TryApiAsync(() => Api.DeleteReceiptAsync(receipt.Id), problem => gone = problem.IsNotFound);
        if (deleted || gone)
        {
            _receipts.Remove(receipt);
            Notifications.Toast("Deleted", receipt.FileName);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_uploader is not null)
            {
                await _uploader.InvokeVoidAsync("dispose");
                await _uploader.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it; nothing left to clean up in the browser.
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
