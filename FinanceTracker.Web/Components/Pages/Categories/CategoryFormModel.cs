using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Categories;

public sealed class CategoryFormModel
{
    [Required(ErrorMessage = "Give the category a name.")]
    [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose expense or income.")]
    public string? Kind { get; set; } = "expense";

    public long? ParentId { get; set; }

    [RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Pick a colour.")]
    public string? Color { get; set; } = "#0F6CBD";

    public static CategoryFormModel From(Category category) => new()
    {
        Name = category.Name,
        Kind = category.Kind.ToString().ToLowerInvariant(),
        ParentId = category.ParentId,
        Color = category.Color ?? "#0F6CBD",
    };

    public CategoryRequest ToRequest() =>
        new(Name!.Trim(), Enum.Parse<CategoryKind>(Kind!, ignoreCase: true), ParentId, Color?.ToUpperInvariant());
}
