using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Tags;

/// <summary>Totals per tag and currency over a period (the last 12 months to start with), like Firefly III's tag report.</summary>
public partial class TagsPage
{
    private readonly string _fromId = FieldIds.New();
    private readonly string _toId = FieldIds.New();
    private DateOnly? _from;
    private DateOnly? _to;
    private TagsReport? _report;
    private int _requestNumber;

    [Inject] public required TimeProvider Time { get; init; }

    private string? RangeError =>
        _from is null || _to is null ? "Choose both dates."
        : _from > _to ? $"From is after To ({_to:d MMM yyyy}). Choose a date on or before it."
        : null;

    protected override Task OnInitializedAsync()
    {
        var today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
        (_from, _to) = (today.AddMonths(-12).AddDays(1), today);
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        var request = ++_requestNumber;
        if (RangeError is not null || _from is not { } from || _to is not { } to)
        {
            _report = null;
            return;
        }
        TagsReport? report = null;
        await TryApiAsync(async () => report = await Api.GetTagsReportAsync(new AnalyticsQuery(from, to)));
        if (request == _requestNumber)
        {
            _report = report;
        }
    }
}
