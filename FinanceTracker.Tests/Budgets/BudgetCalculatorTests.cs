using FinanceTracker.Api.Budgets;

namespace FinanceTracker.Tests.Budgets;

/// <summary>A month's budget from stored lines and monthly totals, without a server.</summary>
public sealed class BudgetCalculatorTests
{
    private static readonly BudgetCategory Food = new(1, "Food", null, "expense");
    private static readonly BudgetCategory Groceries = new(2, "Groceries", 1, "expense");
    private static readonly BudgetCategory Dining = new(3, "Dining", 1, "expense");
    private static readonly BudgetCategory Transport = new(4, "Transport", null, "expense");
    private static readonly BudgetCategory Salary = new(5, "Salary", null, "income");
    private static readonly BudgetCalculator Euro = new([Food, Groceries, Dining, Transport, Salary], "EUR");

    private static readonly DateOnly March = new(2026, 3, 1);

    private static StoredBudgetLine Line(DateOnly month, BudgetCategory category, decimal amount, bool rollover = false) =>
        new(month.ToDateTime(TimeOnly.MinValue), category.Id, amount, rollover);

    private static CategoryMonthTotals Totals(DateOnly month, long categoryId, decimal income, decimal spending) =>
        new(month.ToDateTime(TimeOnly.MinValue), categoryId, income, spending);

    [Fact]
    public void ALinesSpendingIsItsCategoryAndSubcategoriesNetOfRefunds()
    {
        var budget = Euro.Calculate(March, [Line(March, Food, 300m), Line(March, Groceries, 200m)],
        [
            Totals(March, Groceries.Id, income: 20m, spending: -180m),
            Totals(March, Dining.Id, income: 0m, spending: -150m),
            Totals(March, Food.Id, income: 0m, spending: -10m),
        ]);

        var food = budget.Lines.Single(l => l.CategoryId == Food.Id);
        Assert.Equal((300m, 320m, -20m, 106.7m, true), (food.Budgeted, food.Spent, food.Remaining, food.PercentUsed, food.Over));
        var groceries = budget.Lines.Single(l => l.CategoryId == Groceries.Id);
        Assert.Equal((200m, 160m, 40m, 80.0m, false), (groceries.Budgeted, groceries.Spent, groceries.Remaining, groceries.PercentUsed, groceries.Over));
        Assert.Equal(new BudgetTotals(500m, 480m, 20m), budget.Totals);
        Assert.Equal(["Food", "Groceries"], budget.Lines.Select(l => l.Name));
        Assert.Empty(budget.Unbudgeted);
    }

    [Fact]
    public void SpendingNoLineCoversIsListedUnderItsTopCategoryAndUncategorisedMoneyInIsNotSpending()
    {
        var budget = Euro.Calculate(March, [Line(March, Groceries, 100m)],
        [
            Totals(March, Groceries.Id, 0m, -50m),
            Totals(March, Dining.Id, 0m, -30m),
            Totals(March, Transport.Id, 5m, -45m),
            Totals(March, 0, 999m, -12m),
            Totals(March, Salary.Id, 2000m, 0m),
        ]);

        Assert.Equal([(Transport.Id, "Transport", 40m), (Food.Id, "Food", 30m), (null, "Uncategorised", 12m)],
            budget.Unbudgeted.Select(u => (u.CategoryId, u.Name, u.Spent)));
    }

    [Fact]
    public void NothingBudgetedHasNoPercentAndAnySpendingIsOver()
    {
        var budget = Euro.Calculate(March, [Line(March, Transport, 0m)], [Totals(March, Transport.Id, 0m, -0.01m)]);

        var line = Assert.Single(budget.Lines);
        Assert.Equal((0m, 0.01m, -0.01m, (decimal?)null, true), (line.Budgeted, line.Spent, line.Remaining, line.PercentUsed, line.Over));
    }

    [Fact]
    public void TheUnspentRemainderRollsOverThroughEveryMonthThatRollsOverAndStopsAtOneThatDoesNot()
    {
        var january = new DateOnly(2026, 1, 1);
        var february = new DateOnly(2026, 2, 1);
        StoredBudgetLine[] lines =
        [
            Line(january, Transport, 100m, rollover: true),
            Line(february, Transport, 100m, rollover: true),
            Line(March, Transport, 100m),
        ];
        CategoryMonthTotals[] totals = [Totals(january, Transport.Id, 0m, -70m), Totals(february, Transport.Id, 0m, -80m), Totals(March, Transport.Id, 0m, -10m)];

        Assert.Equal(january, BudgetCalculator.ChainStart(March, lines));
        var line = Assert.Single(Euro.Calculate(March, lines, totals).Lines);
        // January leaves 30, February has 130 and spends 80, so 50 arrives in March.
        Assert.Equal((100m, 50m, 150m, 140m, false), (line.Amount, line.RolledOver, line.Budgeted, line.Remaining, line.Rollover));
        Assert.Equal(new DateOnly(2026, 4, 1), BudgetCalculator.ChainStart(new DateOnly(2026, 4, 1), lines));
    }

    [Fact]
    public void OverspendingIsNotCarriedAndARemainderArrivesEvenWhereNothingWasSet()
    {
        var february = new DateOnly(2026, 2, 1);
        StoredBudgetLine[] lines = [Line(february, Transport, 100m, rollover: true), Line(february, Groceries, 50m, rollover: true)];
        CategoryMonthTotals[] totals = [Totals(february, Transport.Id, 0m, -25m), Totals(february, Groceries.Id, 0m, -80m)];

        var budget = Euro.Calculate(March, lines, totals);

        var line = Assert.Single(budget.Lines);
        Assert.Equal((Transport.Id, 0m, 75m, 75m, false), (line.CategoryId, line.Amount, line.RolledOver, line.Budgeted, line.Rollover));
    }

    [Fact]
    public void AmountsHaveTheCurrencysDecimalPlaces()
    {
        var yen = new BudgetCalculator([Transport], "JPY");

        var budget = yen.Calculate(March, [Line(March, Transport, 3000m)], [Totals(March, Transport.Id, 0m, -1000m)]);

        Assert.Equal(("2026-03", "JPY", "3000", "2000", 33.3m), (budget.Month, budget.Currency, budget.Lines[0].Budgeted.ToString(), budget.Lines[0].Remaining.ToString(), budget.Lines[0].PercentUsed));
    }
}
