using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FinanceTracker.Web.Components.Shared;

/// <summary>
/// Puts the Api's ProblemDetails field errors beside the matching form fields. Keys are the Api's
/// camelCase request properties ("amount", "tags[3]"); form models use the same names in PascalCase.
/// </summary>
public sealed class ServerValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;

    [CascadingParameter]
    public required EditContext CurrentEditContext { get; set; }

    protected override void OnInitialized()
    {
        _messages = new ValidationMessageStore(CurrentEditContext);
        CurrentEditContext.OnValidationRequested += ClearAll;
        CurrentEditContext.OnFieldChanged += ClearField;
    }

    /// <summary>Shows field errors; returns the messages that belong to no field on this form.</summary>
    public IReadOnlyList<string> Show(ApiException problem)
    {
        _messages!.Clear();
        var unmatched = new List<string>();
        foreach (var (key, messages) in problem.FieldErrors)
        {
            if (FindField(key) is { } field)
            {
                _messages.Add(field, messages);
            }
            else
            {
                unmatched.AddRange(messages);
            }
        }
        CurrentEditContext.NotifyValidationStateChanged();
        return unmatched;
    }

    private FieldIdentifier? FindField(string key)
    {
        var name = key.Split('[', '.')[0];
        var property = CurrentEditContext.Model.GetType().GetProperty(
            name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
        return property is null ? null : new FieldIdentifier(CurrentEditContext.Model, property.Name);
    }

    private void ClearAll(object? sender, ValidationRequestedEventArgs e) => _messages?.Clear();

    private void ClearField(object? sender, FieldChangedEventArgs e) => _messages?.Clear(e.FieldIdentifier);

    public void Dispose()
    {
        CurrentEditContext.OnValidationRequested -= ClearAll;
        CurrentEditContext.OnFieldChanged -= ClearField;
    }
}
