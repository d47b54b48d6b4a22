using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Categories;

public enum CategoryKind { Expense, Income }

public sealed record CategoryResponse(long Id, string Name, CategoryKind Kind, long? ParentId, string? Color);

public sealed record CategoryRequest(
    [Required, StringLength(100)] string? Name,
    [Required] CategoryKind? Kind,
    long? ParentId,
    [RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "The color must look like #RRGGBB.")] string? Color);

/// <summary>
/// What deleting a category touches: its transactions (split parts counted once per transaction) must move to another
/// category; subcategories move to the top level, recurring rules lose their category, budget lines go.
/// </summary>
public sealed record CategoryUsage(long Transactions, long Subcategories, long RecurringRules, long BudgetLines);

/// <summary>A row of the categories table as Dapper reads it.</summary>
internal sealed record CategoryRow(long Id, string Name, string Kind, long? ParentId, string? Color)
{
    public CategoryResponse ToResponse() =>
        new(Id, Name, Enum.Parse<CategoryKind>(Kind, ignoreCase: true), ParentId, Color);
}

internal static class CategoryKindExtensions
{
    public static string ToDb(this CategoryKind kind) => kind.ToString().ToLowerInvariant();
}
