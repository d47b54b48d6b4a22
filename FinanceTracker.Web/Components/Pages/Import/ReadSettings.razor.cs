using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Import;

public partial class ReadSettings
{
    private readonly string _headingId = FieldIds.New();
    private readonly string[] _ids = [.. Enumerable.Range(0, 6).Select(_ => FieldIds.New())];
    private ApiException? _error;
    private bool _reading;

    [Inject] public required ImportApiClient Imports { get; init; }

    [Parameter, EditorRequired] public required ImportPreview Preview { get; set; }

    /// <summary>The person's edits; the page keeps them so the commit and the preview agree.</summary>
    [Parameter, EditorRequired] public required MappingForm Form { get; set; }

    [Parameter] public EventCallback<ImportPreview> OnPreview { get; set; }

    [Parameter] public EventCallback OnChanged { get; set; }

    private ImportSettings Settings => Preview.Settings;

    private bool IsCsv => string.Equals(Preview.Format, "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The edits differ from what the preview on screen was read with.</summary>
    public bool Dirty => IsDirty(Preview, Form);

    public static bool IsDirty(ImportPreview preview, MappingForm form) =>
        string.Equals(preview.Format, "csv", StringComparison.OrdinalIgnoreCase)
        && form.ToMapping() != MappingForm.From(preview.Settings.Mapping).ToMapping();

    /// <summary>The formats that read every row, plus the one chosen if it is not among them.</summary>
    private IEnumerable<string> DateFormatChoices =>
        Form.DateFormat is { } chosen && !Settings.DateFormats.Contains(chosen) ? [chosen, .. Settings.DateFormats] : Settings.DateFormats;

    /// <summary>"day first", "month first" or "year first": what tells two readings of 03/04/2026 apart.</summary>
    public static string Order(string format)
    {
        var first = format.IndexOfAny(['d', 'M', 'y']);
        return first < 0 ? format : format[first] switch { 'd' => "day first", 'M' => "month first", _ => "year first" };
    }

    private Task Changed() => OnChanged.InvokeAsync();

    private async Task ReadAgainAsync()
    {
        if (_reading)
        {
            return;
        }
        _reading = true;
        _error = null;
        ImportPreview? preview = null;
        await TryApiAsync(async () => preview = await Imports.PreviewAsync(Preview.Id, Form.ToMapping()), e =>
        {
            _error = e;
            return true;
        });
        _reading = false;
        if (preview is not null)
        {
            await OnPreview.InvokeAsync(preview);
        }
    }
}
