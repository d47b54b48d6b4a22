using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

/// <summary>Finds things the way a person (and the browser tests) does: by label and by button text.</summary>
public static class Dom
{
    /// <summary>The form control whose &lt;label&gt; reads exactly <paramref name="label"/>.</summary>
    public static IElement Field<T>(this IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var element = cut.FindAll("label").Single(l => l.TextContent.Trim() == label);
        return cut.Find("#" + element.GetAttribute("for"));
    }

    /// <summary>The wrapper of a field: its label, input, hint and validation messages.</summary>
    public static IElement FieldBox<T>(this IRenderedComponent<T> cut, string label) where T : IComponent =>
        cut.Field(label).Closest(".field") ?? throw new InvalidOperationException($"No .field around {label}.");

    public static IReadOnlyList<string> MessagesOf<T>(this IRenderedComponent<T> cut, string label) where T : IComponent =>
        cut.FieldBox(label).QuerySelectorAll(".validation-message").Select(m => m.TextContent.Trim()).ToList();

    public static IElement Button<T>(this IRenderedComponent<T> cut, string name) where T : IComponent =>
        cut.FindAll("fluent-button, button").Single(b => b.TextContent.Trim() == name || b.GetAttribute("title") == name);

    public static bool HasButton<T>(this IRenderedComponent<T> cut, string name) where T : IComponent =>
        cut.FindAll("fluent-button, button").Any(b => b.TextContent.Trim() == name);
}
