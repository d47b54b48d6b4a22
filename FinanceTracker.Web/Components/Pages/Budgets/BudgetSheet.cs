using System.Text.RegularExpressions;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Formatting;

namespace FinanceTracker.Web.Components.Pages.Budgets;

/// <summary>
/// The month's budget as an editable sheet: a row per expense category, subcategories under their parent, filled from the
/// saved lines; turns the typed amounts into the PUT body and the Api's "lines[i].amount" errors back into row errors.
/// </summary>
public sealed partial class BudgetSheet
{
    private List<BudgetRow> _sent = [];

    private BudgetSheet(BudgetResponse budget, IReadOnlyList<BudgetRow> rows) => (Budget, Rows) = (budget, rows);

    public BudgetResponse Budget { get; }

    public IReadOnlyList<BudgetRow> Rows { get; }

    public string Currency => Budget.Currency;

    /// <summary>Lines set for the month (a line there only because last month's remainder rolled into it does not count).</summary>
    public int SetLineCount => Budget.Lines.Count(l => l.Amount != 0 || l.Rollover);

    /// <summary>Something typed or ticked that is not saved yet.</summary>
    public bool HasChanges => Rows.Any(r => r.IsChanged);

    public static BudgetSheet From(IReadOnlyList<Category> categories, BudgetResponse budget)
    {
        var expenses = categories.Where(c => c.Kind == CategoryKind.Expense).ToList();
        var ids = expenses.Select(c => c.Id).ToHashSet();
        var rows = new List<BudgetRow>();
        void Add(Category category, int depth)
        {
            rows.Add(new BudgetRow(category.Id, category.Name, depth));
            foreach (var child in expenses.Where(c => c.ParentId == category.Id).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                Add(child, depth + 1);
            }
        }
        foreach (var root in expenses.Where(c => c.ParentId is not { } parent || !ids.Contains(parent)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            Add(root, 0);
        }
        // A line for a category the list does not have (renamed or added elsewhere a moment ago) still shows.
        rows.AddRange(budget.Lines.Where(l => !ids.Contains(l.CategoryId)).Select(l => new BudgetRow(l.CategoryId, l.Name, 0)));
        foreach (var row in rows)
        {
            if (budget.Lines.FirstOrDefault(l => l.CategoryId == row.CategoryId) is { } line)
            {
                row.Line = line;
                row.Rollover = line.Rollover;
                row.AmountText = line.Amount != 0 || line.Rollover ? MoneyFormatter.ToInput(line.Amount, budget.Currency) : null;
                row.Saved = (row.AmountText ?? "", row.Rollover);
            }
        }
        return new BudgetSheet(budget, rows);
    }

    /// <summary>The PUT body, or null when a typed amount is not one (the row then says why).</summary>
    public BudgetRequest? ToRequest()
    {
        var lines = new List<BudgetLineRequest>();
        _sent = [];
        var valid = true;
        foreach (var row in Rows)
        {
            row.Error = null;
            if (!row.HasInput)
            {
                continue;
            }
            var amount = 0m;
            if (!string.IsNullOrWhiteSpace(row.AmountText) && !AmountText.TryParse(row.AmountText, out amount))
            {
                row.Error = "Enter an amount, like 250.00.";
            }
            else if (amount < 0)
            {
                row.Error = "A budget can't be negative.";
            }
            else if (MoneyFormatter.HasTooManyDecimals(amount, Currency))
            {
                row.Error = MoneyFormatter.DecimalsOf(Currency) == 0
                    ? $"{Currency} amounts have no decimals."
                    : $"{Currency} amounts have at most {MoneyFormatter.DecimalsOf(Currency)} decimals.";
            }
            valid &= row.Error is null;
            lines.Add(new BudgetLineRequest(row.CategoryId, amount, row.Rollover));
            _sent.Add(row);
        }
        return valid ? new BudgetRequest(Currency, lines) : null;
    }

    /// <summary>Puts the Api's "lines[i].field" errors on the rows sent as lines[i]; returns the messages that belong to no row.</summary>
    public IReadOnlyList<string> ShowErrors(ApiException problem)
    {
        var unmatched = new List<string>();
        foreach (var (key, messages) in problem.FieldErrors)
        {
            var match = LineKey().Match(key);
            if (match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var index && index < _sent.Count)
            {
                _sent[index].Error = string.Join(" ", messages);
            }
            else
            {
                unmatched.AddRange(messages);
            }
        }
        return unmatched;
    }

    [GeneratedRegex(@"^lines\[(\d+)\]", RegexOptions.IgnoreCase)]
    private static partial Regex LineKey();
}
