namespace FinanceTracker.Api.Import.Ofx;

/// <summary>One OFX element: an aggregate with children, or a leaf with a value (empty when the file left it empty).</summary>
public sealed class OfxElement(string name, int line)
{
    public string Name { get; } = name;

    /// <summary>1-based line of the opening tag.</summary>
    public int Line { get; } = line;

    public string Value { get; internal set; } = "";

    public List<OfxElement> Children { get; } = [];

    public OfxElement? Child(string name) => Children.Find(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The trimmed value of a direct child leaf; null when it is absent or empty.</summary>
    public string? Text(string name) => Child(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    /// <summary>Every element with this name below this one, in document order.</summary>
    public IEnumerable<OfxElement> Descendants(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                yield return child;
            }
            foreach (var below in child.Descendants(name))
            {
                yield return below;
            }
        }
    }
}
