using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Import;

public partial class PreviewTable
{
    public const int PageSize = 50;

    private readonly string _headingId = FieldIds.New();
    private readonly string _showId = FieldIds.New();
    private ImportPreview? _shown;
    private IReadOnlyList<ImportRow> _rows = [];
    private int _page;

    [Parameter, EditorRequired] public required ImportPreview Preview { get; set; }

    /// <summary>Category names for rows a rule categorised.</summary>
    [Parameter, EditorRequired] public required Lookups Categories { get; set; }

    /// <summary>The currency of a statement account's rows.</summary>
    [Parameter, EditorRequired] public required Func<string, string> CurrencyOf { get; set; }

    /// <summary>Lines of look-alike duplicates the person chose to import anyway.</summary>
    [Parameter, EditorRequired] public required HashSet<int> Included { get; set; }

    [Parameter] public EventCallback OnIncludedChanged { get; set; }

    [Parameter] public EventCallback<ImportRow> OnCreateRule { get; set; }

    private string? Show { get; set; }

    private IQueryable<ImportRow> PageRows => _rows.Skip(_page * PageSize).Take(PageSize).AsQueryable();

    private bool IsLastPage => (_page + 1) * PageSize >= _rows.Count;

    private string RangeText => $"{_page * PageSize + 1:N0}–{Math.Min((_page + 1) * PageSize, _rows.Count):N0} of {_rows.Count:N0}";

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, Preview))
        {
            // A new reading of the file: keep the chosen filter, start from its first page.
            _shown = Preview;
            FirstPage();
        }
    }

    private void FirstPage()
    {
        _rows = string.IsNullOrEmpty(Show) ? Preview.Rows : Preview.Rows.Where(r => ImportStatus.Is(r, Show)).ToList();
        _page = 0;
    }

    private Task ToggleAsync(int line, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            Included.Add(line);
        }
        else
        {
            Included.Remove(line);
        }
        return OnIncludedChanged.InvokeAsync();
    }
}
