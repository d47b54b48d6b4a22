using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>
/// Picks the file and account and uploads: the file is read from the browser in chunks and streamed straight on to the
/// Api (never held whole), counting the bytes for the progress bar; the Api answers with the preview.
/// </summary>
public partial class UploadPanel
{
    public const string Accept = ".csv,.ofx,.qfx,.qif,.txt,text/csv,text/plain";

    private readonly string _headingId = FieldIds.New();
    private readonly string _fileId = FieldIds.New();
    private readonly string _fileMessageId = FieldIds.New();
    private readonly string _accountFieldId = FieldIds.New();
    private IBrowserFile? _file;
    private string? _fileMessage;
    private ApiException? _error;
    private bool _busy;
    private long _sent;
    private int _shownPercent;
    private long? _accountId;

    [Inject] public required ImportApiClient Imports { get; init; }

    [Parameter, EditorRequired] public required IReadOnlyList<Account> Accounts { get; set; }

    /// <summary>The account chosen first (the last one imported into); else the first account.</summary>
    [Parameter] public long? PreferredAccountId { get; set; }

    [Parameter] public EventCallback<UploadedImport> OnUploaded { get; set; }

    private int Percent => _file is { Size: > 0 } file ? (int)(Interlocked.Read(ref _sent) * 100 / file.Size) : 0;

    protected override void OnParametersSet() =>
        _accountId ??= Accounts.Any(a => a.Id == PreferredAccountId) ? PreferredAccountId : Accounts.FirstOrDefault()?.Id;

    private void FileChosen(InputFileChangeEventArgs e)
    {
        _file = e.File;
        _error = null;
        _fileMessage = e.File.Size > ImportApiClient.MaxFileBytes ? $"“{e.File.Name}” is larger than 50 MB." : null;
    }

    private async Task UploadAsync()
    {
        if (_busy)
        {
            return;
        }
        _error = null;
        if (_file is null || _fileMessage is not null || _accountId is not { } accountId)
        {
            _fileMessage ??= _file is null ? "Choose the file your bank exported." : null;
            return;
        }
        _busy = true;
        _sent = 0;
        _shownPercent = 0;
        ImportPreview? preview = null;
        await using (var stream = _file.OpenReadStream(ImportApiClient.MaxFileBytes))
        {
            await TryApiAsync(
                async () => preview = await Imports.UploadAsync(new(stream, _file.Name, _file.Size, _file.ContentType), accountId, sent: Sent),
                e =>
                {
                    _error = e;
                    return true;
                });
        }
        _busy = false;
        if (preview is not null)
        {
            await OnUploaded.InvokeAsync(new(preview, accountId));
        }
    }

    /// <summary>Called from the upload as bytes go; re-renders only when the whole percentage moves.</summary>
    private void Sent(long bytes)
    {
        Interlocked.Exchange(ref _sent, bytes);
        var percent = Percent;
        if (percent != _shownPercent)
        {
            _shownPercent = percent;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private static string ByteText(long bytes) => ReceiptFiles.SizeText(bytes);
}

/// <summary>A preview the Api made of an upload, with the account the person chose for it.</summary>
public sealed record UploadedImport(ImportPreview Preview, long AccountId);
