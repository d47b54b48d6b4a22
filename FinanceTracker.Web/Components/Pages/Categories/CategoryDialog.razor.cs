using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Categories;

/// <summary>Adds or edits a category; closes with the saved one, or asking to delete it.</summary>
public partial class CategoryDialog
{
    private FormDialog? _frame;
    private readonly string _colorId = FieldIds.New();
    private CategoryFormModel _model = new();
    private EditContext _editContext = default!;
    private ServerValidator? _serverValidator;
    private bool _saving;

    [CascadingParameter] public IDialogInstance? Dialog { get; set; }

    [Parameter] public Category? Category { get; set; }

    [Parameter, EditorRequired] public required IReadOnlyList<Category> All { get; set; }

    /// <summary>Only top-level categories of the same kind can be parents: the tree is one level deep.</summary>
    private IEnumerable<Category> PossibleParents => All
        .Where(c => c.ParentId is null && c.Id != Category?.Id
                    && string.Equals(c.Kind.ToString(), _model.Kind, StringComparison.OrdinalIgnoreCase))
        .OrderBy(c => c.Name);

    protected override void OnInitialized()
    {
        _model = Category is null ? new() : CategoryFormModel.From(Category);
        _editContext = new EditContext(_model);
    }

    private async Task SaveAsync()
    {
        if (_saving || !_editContext.Validate())
        {
            return;
        }
        _saving = true;
        Category? saved = null;
        await TryApiAsync(
            async () => saved = Category is null
                ? await Api.CreateCategoryAsync(_model.ToRequest())
                : await Api.UpdateCategoryAsync(Category.Id, _model.ToRequest()),
            e => e.FieldErrors.Count > 0 && _serverValidator!.Show(e).Count == 0);
        _saving = false;
        if (saved is not null && Dialog is not null)
        {
            await Dialog.CloseAsync(DialogResult.Ok(saved));
        }
    }

    private Task RequestDeleteAsync() =>
        Dialog?.CloseAsync(DialogResult.Ok(EditorResult<Category>.DeleteSignal)) ?? Task.CompletedTask;

    private Task CancelAsync() => _frame?.LeaveAsync() ?? Task.CompletedTask;
}
