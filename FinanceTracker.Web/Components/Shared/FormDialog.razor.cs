using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FinanceTracker.Web.Components.Shared;

/// <summary>
/// One mechanism for all form dialogs: what the form held when it opened is remembered, and leaving it changed
/// (Escape, Cancel) asks "Discard your changes?" first. With nothing changed it just closes.
/// </summary>
public partial class FormDialog
{
    private ElementReference _root;
    private IJSObjectReference? _module;
    private DotNetObjectReference<FormDialog>? _self;
    private object? _snapshotOf;
    private string? _snapshot;
    private bool _asking;
    private bool _disposed;

    [CascadingParameter] public IDialogInstance? Dialog { get; set; }

    [Parameter, EditorRequired] public required string Title { get; set; }

    /// <summary>What the form edits: compared with its state at opening to tell whether there is anything to lose.</summary>
    [Parameter, EditorRequired] public required object Model { get; set; }

    [Parameter] public RenderFragment? ChildContent { get; set; }

    [Inject] public required IJSRuntime JS { get; init; }

    /// <summary>True when the form holds input that leaving would lose.</summary>
    public bool HasChanges => _snapshot is not null && _snapshot != Snapshot(Model);

    /// <summary>Closes the dialog without saving, once the person agreed to lose what they typed.</summary>
    public async Task LeaveAsync()
    {
        if (HasChanges)
        {
            _asking = true;
            StateHasChanged();
            return;
        }
        await CloseAsync();
    }

    /// <summary>Called by the script on Escape: a second Escape while asking means "keep editing".</summary>
    [JSInvokable]
    public Task EscapeAsync()
    {
        if (_asking)
        {
            KeepEditing();
            return Task.CompletedTask;
        }
        return LeaveAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Taken after the form rendered (it may fill in defaults then), and again when it swaps its model (after a conflict).
        if (!ReferenceEquals(_snapshotOf, Model))
        {
            _snapshotOf = Model;
            _snapshot = Snapshot(Model);
        }
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["Components/Shared/FormDialog.razor.js"]);
            // The dialog may have closed while the script loaded (Escape at once): then there is nothing to attach to.
            if (!_disposed)
            {
                _self = DotNetObjectReference.Create(this);
                await _module.InvokeVoidAsync("attach", _root, _self);
            }
        }
    }

    private void KeepEditing()
    {
        _asking = false;
        StateHasChanged();
    }

    private Task DiscardAsync()
    {
        _asking = false;
        return CloseAsync();
    }

    private Task CloseAsync() => Dialog?.CancelAsync() ?? Task.CompletedTask;

    // An emptied field equals one never filled in: typing and deleting again leaves nothing to lose.
    private static readonly JsonSerializerOptions SnapshotOptions = new() { Converters = { new EmptyAsNull() } };

    private static string Snapshot(object model) => JsonSerializer.Serialize(model, model.GetType(), SnapshotOptions);

    private sealed class EmptyAsNull : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (string.IsNullOrEmpty(value))
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("detach", _root);
                await _module.DisposeAsync();
            }
        }
        catch (Exception e) when (e is JSDisconnectedException or TaskCanceledException)
        {
            // The circuit is gone (or going), and the page's script with it.
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
