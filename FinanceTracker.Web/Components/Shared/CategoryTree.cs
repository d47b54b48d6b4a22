using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Shared;

/// <summary>Categories in tree order, each with the label that shows its nesting: "Food › Groceries".</summary>
public static class CategoryTree
{
    public const string Separator = " \u203A ";

    /// <summary>Parents by name, each followed by its children by name; a child whose parent is missing stands on its own.</summary>
    public static IEnumerable<(Category Category, string Label)> Ordered(IReadOnlyList<Category> categories, CategoryKind kind)
    {
        var ofKind = categories.Where(c => c.Kind == kind).ToList();
        foreach (var parent in ofKind.Where(c => c.ParentId is null || ofKind.All(p => p.Id != c.ParentId)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            yield return (parent, parent.Name);
            foreach (var child in ofKind.Where(c => c.ParentId == parent.Id).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                yield return (child, parent.Name + Separator + child.Name);
            }
        }
    }

    /// <summary>The label of one category among all of them ("Food › Groceries", or "Food" for a top-level one).</summary>
    public static string Label(Category category, IReadOnlyList<Category> all) =>
        all.FirstOrDefault(p => p.Id == category.ParentId) is { } parent ? parent.Name + Separator + category.Name : category.Name;
}
