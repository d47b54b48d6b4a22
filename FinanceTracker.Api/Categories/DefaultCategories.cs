using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Categories;

/// <summary>The categories a new person starts with, so they can record a purchase straight away.</summary>
internal static class DefaultCategories
{
    private static readonly (string Name, CategoryKind Kind, string Color)[] Defaults =
    [
        ("Groceries", CategoryKind.Expense, "#2E7D32"),
        ("Dining", CategoryKind.Expense, "#EF6C00"),
        ("Transport", CategoryKind.Expense, "#1565C0"),
        ("Housing", CategoryKind.Expense, "#6D4C41"),
        ("Utilities", CategoryKind.Expense, "#00838F"),
        ("Health", CategoryKind.Expense, "#C62828"),
        ("Shopping", CategoryKind.Expense, "#AD1457"),
        ("Entertainment", CategoryKind.Expense, "#6A1B9A"),
        ("Travel", CategoryKind.Expense, "#0277BD"),
        ("Education", CategoryKind.Expense, "#4527A0"),
        ("Insurance", CategoryKind.Expense, "#455A64"),
        ("Other expenses", CategoryKind.Expense, "#757575"),
        ("Salary", CategoryKind.Income, "#2E7D32"),
        ("Interest", CategoryKind.Income, "#558B2F"),
        ("Gifts", CategoryKind.Income, "#F9A825"),
        ("Other income", CategoryKind.Income, "#9E9D24"),
    ];

    public static Task AddAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO categories (user_id, name, kind, color) VALUES (@userId, @name, @kind, @color)";
        var rows = Defaults.Select(d => new { userId, name = d.Name, kind = d.Kind.ToDb(), color = d.Color });
        return connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
    }
}
