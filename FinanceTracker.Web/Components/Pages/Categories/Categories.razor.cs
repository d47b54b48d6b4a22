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
        else if (result?.DeleteRequested == true)
        {
            await DeleteAsync(category);
        }
    }

    /// <summary>One dialog says what uses the category and where its transactions go, and deletes it.</summary>
    private async Task DeleteAsync(Category category)
    {
        var result = await Dialogs.ShowDialogAsync<DeleteCategoryDialog>(options =>
        {
            options.Parameters[nameof(DeleteCategoryDialog.Category)] = category;
            options.Parameters[nameof(DeleteCategoryDialog.All)] = _categories;
            options.Width = "min(560px, calc(100vw - 24px))";
        });
        if (!result.Cancelled && result.Value is string outcome)
        {
            Notifications.Toast("Deleted", outcome);
            await LoadAsync();
        }
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
