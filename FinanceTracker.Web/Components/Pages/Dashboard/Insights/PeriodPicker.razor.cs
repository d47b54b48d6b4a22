using System.Globalization;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Dashboard.Insights;

public sealed partial class PeriodPicker
{
    private readonly string _presetId = FieldIds.New();
    private readonly string _fromId = FieldIds.New();
    private readonly string _toId = FieldIds.New();
    private readonly string _accountId = FieldIds.New();

    [Parameter, EditorRequired] public required InsightsPeriod Period { get; set; }
    [Parameter] public EventCallback<InsightsPeriod> PeriodChanged { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<Account> Accounts { get; set; }
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    private Task PresetChangedAsync(ChangeEventArgs e)
    {
        if (!Enum.TryParse<PeriodPreset>(e.Value?.ToString(), out var preset))
        {
            return Task.CompletedTask;
        }
        // "Custom" keeps the dates on screen and lets the person edit them.
        return PeriodChanged.InvokeAsync(preset == PeriodPreset.Custom
            ? Period with { Preset = preset }
            : InsightsPeriod.For(preset, Today, Period.AccountId));
    }

    private Task DateChangedAsync(ChangeEventArgs e, bool isFrom)
    {
        if (!DateOnly.TryParseExact(e.Value?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Task.CompletedTask;
        }
        var from = isFrom ? date : Period.From;
        var to = isFrom ? Period.To : date;
        // A range the wrong way round is read as the person meant it.
        return PeriodChanged.InvokeAsync(Period with
        {
            Preset = PeriodPreset.Custom, From = from <= to ? from : to, To = from <= to ? to : from,
        });
    }

    private Task AccountChangedAsync(ChangeEventArgs e) =>
        PeriodChanged.InvokeAsync(Period with { AccountId = long.TryParse(e.Value?.ToString(), out var id) ? id : null });

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
