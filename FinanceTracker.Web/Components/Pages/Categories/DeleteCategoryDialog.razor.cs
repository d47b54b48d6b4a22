using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Categories;

/// <summary>Says what a category's delete touches and where its transactions go, then deletes it; closes with what happened.</summary>
public partial class DeleteCategoryDialog
{
    private readonly string _targetId = FieldIds.New();
    private CategoryUsage? _usage;
    private long? _target;
    private bool _deleting;

    [CascadingParameter] public IDialogInstance? Dialog { get; set; }

    [Parameter, EditorRequired] public required Category Category { get; set; }

    [Parameter, EditorRequired] public required IReadOnlyList<Category> All { get; set; }

    protected override Task OnInitializedAsync() =>
        TryApiAsync(async () => _usage = await Api.GetCategoryUsageAsync(Category.Id));

    private async Task DeleteAsync()
    {
        if (_usage is null || _deleting)
        {
            return;
        }
        _deleting = true;
        // Transactions go to the chosen category, or to none; the Api refuses a delete that would leave them pointing nowhere.
        var moves = _usage.Transactions > 0;
        var deleted = await TryApiAsync(() => Api.DeleteCategoryAsync(Category.Id, moves ? _target : null, uncategorise: moves && _target is null));
        _deleting = false;
        if (deleted && Dialog is not null)
        {
            await Dialog.CloseAsync(DialogResult.Ok(Outcome(moves)));
        }
    }

    /// <summary>The toast's message: what went and where its transactions are now.</summary>
    private string Outcome(bool moved) =>
        !moved ? $"{Category.Name} is gone."
        : All.FirstOrDefault(c => c.Id == _target) is { } into ? $"{Category.Name} is gone; its transactions are now in {CategoryTree.Label(into, All)}."
        : $"{Category.Name} is gone; its transactions are now uncategorised.";

    private static string Count(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count:N0} {noun}s";

    private Task CancelAsync() => Dialog?.CancelAsync() ?? Task.CompletedTask;
}
