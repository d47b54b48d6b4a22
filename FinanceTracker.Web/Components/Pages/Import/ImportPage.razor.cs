using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>
/// Upload → preview (adjust how the file is read, map its accounts, pick look-alikes) → commit → summary with undo.
/// The page keeps the state between the steps; each step is its own component.
/// </summary>
public partial class ImportPage
{
    private Lookups _lookups = Lookups.Empty;
    private bool _ready;
    private ImportPreview? _preview;
    private long? _accountId;
    private MappingForm _form = new();
    private Dictionary<string, long> _accountMap = [];
    private HashSet<int> _included = [];
    private ImportCommitResult? _result;
    private ApiException? _error;
    private bool _committing;
    private RecentImports? _recent;

    [Inject] public required ImportApiClient Imports { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }

    private bool MultiAccount => _preview?.Accounts.Count > 1;

    private int ToImport => (_preview?.Counts.New ?? 0) + _included.Count;

    private bool MappingPending => _preview is not null && ReadSettings.IsDirty(_preview, _form);

    private bool AccountsMissing => MultiAccount && _preview!.Accounts.Any(a => !_accountMap.ContainsKey(a.Key));

    private bool CanCommit => ToImport > 0 && !MappingPending && !AccountsMissing;

    private string CommitHint =>
        MappingPending ? "Read the file again to apply your changes before importing."
        : AccountsMissing ? "Choose an account for each statement in the file."
        : ToImport == 0 ? "There is nothing new to import in this file."
        : $"Duplicates and rows with errors are left out. Into {AccountName(_accountId)}"
          + (MultiAccount ? " and the accounts chosen above." : ".");

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        if (await TryApiAsync(async () => _lookups = await Lookups.LoadAsync(Api)))
        {
            _lookups = new([.. _lookups.Accounts.Where(a => !a.Archived)], _lookups.Categories);
            _ready = true;
        }
    }

    private void Uploaded(UploadedImport uploaded)
    {
        _accountId = uploaded.AccountId;
        _result = null;
        _included = [];
        _accountMap = uploaded.Preview.Accounts
            .Select(a => (a.Key, Id: a.SuggestedAccountId ?? (uploaded.Preview.Accounts.Count == 1 ? uploaded.AccountId : (long?)null)))
            .Where(a => a.Id is { } id && _lookups.Account(id) is not null)
            .ToDictionary(a => a.Key, a => a.Id!.Value);
        Previewed(uploaded.Preview);
    }

    private void Previewed(ImportPreview preview)
    {
        _preview = preview;
        _form = MappingForm.From(preview.Settings.Mapping);
        _error = null;
        // A line chosen before may now read differently; keep only the look-alikes that still are.
        _included.IntersectWith(preview.Rows.Where(ImportStatus.CanIncludeAnyway).Select(r => r.Line));
    }

    private string CurrencyOf(string accountKey)
    {
        var mapped = _accountMap.TryGetValue(accountKey, out var id) ? _lookups.Account(id) : null;
        return mapped?.Currency
            ?? _preview?.Accounts.FirstOrDefault(a => a.Key == accountKey)?.Currency
            ?? _lookups.Account(_accountId ?? 0)?.Currency
            ?? "EUR";
    }

    private string AccountName(long? id) => id is { } value && _lookups.Account(value) is { } account ? account.Name : "your account";

    private async Task CommitAsync()
    {
        if (_committing || !CanCommit || _preview is not { } preview)
        {
            return;
        }
        _committing = true;
        _error = null;
        var request = new CommitImportRequest(
            _accountId,
            MultiAccount ? new(_accountMap) : null,
            preview.Settings.Mapping,
            _included.Count == 0 ? null : [.. preview.Rows.Where(r => ImportStatus.Is(r, ImportStatus.New) || _included.Contains(r.Line)).Select(r => r.Line)]);
        ImportCommitResult? result = null;
        await TryApiAsync(async () => result = await Imports.CommitAsync(preview.Id, request), e =>
        {
            _error = e;
            return true;
        });
        _committing = false;
        if (result is not null)
        {
            _result = result;
            if (_recent is not null)
            {
                await _recent.LoadAsync();
            }
        }
    }

    private async Task DiscardAsync()
    {
        if (_preview is { } preview)
        {
            // Forgetting the upload is tidiness, not something the person must wait for or hear about.
            await TryApiAsync(() => Imports.DiscardAsync(preview.Id), _ => true);
        }
        Reset();
    }

    private void Reset()
    {
        _preview = null;
        _result = null;
        _error = null;
        _included = [];
        _accountMap = [];
    }

    private void Undone(long importId)
    {
        if (_result?.ImportId == importId)
        {
            Reset();
        }
    }

    private async Task CreateRuleAsync(ImportRow row)
    {
        var rule = await RuleEditor.ShowAsync(Dialogs, null, _lookups.Categories, row.Payee);
        if (rule?.Saved is null || _preview is not { } preview)
        {
            return;
        }
        Notifications.Toast("Rule added", "The preview now shows it applied.");
        // Rules apply when the file is read, so read it again with the same settings.
        ImportPreview? again = null;
        await TryApiAsync(async () => again = await Imports.PreviewAsync(preview.Id, preview.Settings.Mapping));
        if (again is not null)
        {
            Previewed(again);
        }
    }
}
