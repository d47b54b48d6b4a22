using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Settings;

/// <summary>
/// Downloads a full backup (streamed by the Web's export endpoints) and restores one into a person with no transactions,
/// the only case the Api accepts: the file streams from the browser to the Api, as an import does.
/// </summary>
public partial class BackupSection
{
    /// <summary>A backup with receipts can be large; the Api has the final say.</summary>
    public const long MaxBackupBytes = 1024L * 1024 * 1024;

    private readonly string _fileId = FieldIds.New();
    private IBrowserFile? _file;
    private bool? _empty;
    private bool _restoring;
    private bool _restored;
    private long _sent;
    private ApiException? _error;

    [Inject] public required ImportApiClient Imports { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    protected override Task OnInitializedAsync() =>
        TryApiAsync(async () => _empty = (await Api.GetTransactionsAsync(new() { PageSize = 1 })).TotalCount == 0);

    private void FileChosen(InputFileChangeEventArgs e)
    {
        _file = e.File;
        _error = null;
    }

    private async Task RestoreAsync()
    {
        if (_restoring || _file is not { } file)
        {
            return;
        }
        if (!await Dialogs.ConfirmAsync("Restore this backup?",
                $"Everything in “{file.Name}” will be added to your account: accounts, categories, transactions, rules and budgets.",
                "Restore"))
        {
            return;
        }
        _restoring = true;
        _error = null;
        _sent = 0;
        var lastPercent = -1L;
        await using (var stream = file.OpenReadStream(MaxBackupBytes))
        {
            _restored = await TryApiAsync(
                () => Imports.RestoreBackupAsync(new(stream, file.Name, file.Size, file.ContentType), sent =>
                {
                    _sent = sent;
                    if (sent * 100 / Math.Max(1, file.Size) is var percent && percent != lastPercent)
                    {
                        lastPercent = percent;
                        _ = InvokeAsync(StateHasChanged);
                    }
                }),
                e =>
                {
                    _error = e;
                    return true;
                });
        }
        _restoring = false;
    }
}
