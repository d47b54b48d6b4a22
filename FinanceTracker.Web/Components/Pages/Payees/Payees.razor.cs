using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Payees;

/// <summary>The person's payees, most used first: rename one, or tick several and merge them into one name.</summary>
public partial class Payees
{
    /// <summary>The Api's most; a person's distinct payees are far fewer even with many transactions.</summary>
    private const int Limit = 5000;

    private readonly string _searchId = FieldIds.New();
    private readonly HashSet<string> _selected = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<Payee>? _payees;
    private Lookups _lookups = Lookups.Empty;
    private string? _search;
    private string? _outcome;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }

    private IEnumerable<Payee> Shown => string.IsNullOrWhiteSpace(_search)
        ? _payees ?? []
        : (_payees ?? []).Where(p => p.Name.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase));

    private string SelectedText => _selected.Count switch
    {
        0 => "Tick two or more payees to merge them.",
        1 => "1 payee selected",
        var n => $"{n} payees selected",
    };

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => TryApiAsync(async () =>
    {
        var lookups = Lookups.LoadAsync(Api);
        var payees = Api.GetPayeesAsync(limit: Limit);
        (_lookups, _payees) = (await lookups, await payees);
        _selected.IntersectWith(_payees.Select(p => p.Name));
    });

    private Task RenameAsync(Payee payee) => ChangeAsync([payee], rename: true);

    private Task MergeAsync() =>
        ChangeAsync((_payees ?? []).Where(p => _selected.Contains(p.Name)).ToList(), rename: false);

    private async Task ChangeAsync(IReadOnlyList<Payee> from, bool rename)
    {
        var result = await Dialogs.ShowDialogAsync<PayeeMergeDialog>(options =>
        {
            options.Parameters[nameof(PayeeMergeDialog.From)] = from;
            options.Parameters[nameof(PayeeMergeDialog.Rename)] = rename;
            options.Width = "min(560px, calc(100vw - 24px))";
        });
        if (result is { Cancelled: false, Value: MergePayeesResult done })
        {
            _outcome = PayeeMergeModel.Outcome(from, done, rename);
            Notifications.Toast(rename ? "Renamed" : "Merged", $"{PayeeMergeModel.Transactions(done.Transactions)} now {(done.Transactions == 1 ? "says" : "say")} {done.Into}.");
            _selected.Clear();
            await LoadAsync();
        }
    }
}
