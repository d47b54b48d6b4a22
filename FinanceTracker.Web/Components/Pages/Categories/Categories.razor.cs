using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Categories;

public partial class Categories
{
    private IReadOnlyList<Category>? _categories;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }

    private IReadOnlyList<Category> Of(CategoryKind kind) => _categories!.Where(c => c.Kind == kind).ToList();

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => TryApiAsync(async () => _categories = await Api.GetCategoriesAsync());

    private async Task AddAsync()
    {
        if (await ShowEditorAsync(null) is { Saved: { } saved })
        {
            Notifications.Toast("Added", $"{saved.Name} is ready to use.");
            await LoadAsync();
        }
    }

    private async Task EditAsync(Category category)
    {
        var result = await ShowEditorAsync(category);
        if (result?.Saved is { } saved)
        {
            Notifications.Toast("Saved", $"{saved.Name} is up to date.");
            await LoadAsync();
        }
        else if (result?.DeleteRequested == true
                 && await Dialogs.ConfirmAsync($"Delete \"{category.Name}\"?", "The category is removed for good."))
        {
            await DeleteAsync(category);
        }
    }

    /// <summary>A category in use answers 409: then the person picks where its transactions go.</summary>
    private async Task DeleteAsync(Category category)
    {
        var inUse = false;
        var deleted = await TryApiAsync(() => Api.DeleteCategoryAsync(category.Id), e => inUse = e.IsConflict);
        var movedTo = inUse ? await AskReassignTargetAsync(category) : null;
        if (movedTo is { } target)
        {
            deleted = await TryApiAsync(() => Api.DeleteCategoryAsync(category.Id, target));
        }
        if (deleted)
        {
            var into = _categories?.FirstOrDefault(c => c.Id == movedTo)?.Name;
            Notifications.Toast("Deleted", into is null ? $"{category.Name} is gone." : $"{category.Name} is gone; its transactions are now in {into}.");
            await LoadAsync();
        }
    }

    private async Task<long?> AskReassignTargetAsync(Category category)
    {
        var result = await Dialogs.ShowDialogAsync<ReassignDialog>(options =>
        {
            options.Parameters[nameof(ReassignDialog.Category)] = category;
            options.Parameters[nameof(ReassignDialog.All)] = _categories;
            options.Width = "min(560px, calc(100vw - 24px))";
        });
        return result.Cancelled ? null : result.Value as long?;
    }

    private async Task<EditorResult<Category>?> ShowEditorAsync(Category? category)
    {
        var result = await Dialogs.ShowDialogAsync<CategoryDialog>(options =>
        {
            options.Parameters[nameof(CategoryDialog.Category)] = category;
            options.Parameters[nameof(CategoryDialog.All)] = _categories;
            options.Width = "min(560px, calc(100vw - 24px))";
        });
        return EditorResult<Category>.From(result);
    }
}
