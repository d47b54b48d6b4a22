using System.Globalization;
using System.Text;

namespace FinanceTracker.Bench;

/// <summary>
/// Generated bank statement lines: three years, 700 payees, a salary every 12th line, amounts with a decimal comma as many
/// banks write them. The same lines go to our CSV import and to Actual's API.
/// </summary>
internal sealed record StatementLine(DateOnly Date, string Payee, decimal Amount, string Description)
{
    public static IEnumerable<StatementLine> Generate(int rows)
    {
        var start = new DateOnly(2023, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var amount = i % 12 == 0 ? 2500 + i % 7 : -(1 + (i * 7919L % 20000) / 100m);
            yield return new StatementLine(start.AddDays((int)(i * 1095L / rows)), $"Payee {i % 700}, Ltd", amount, $"Card payment {i}");
        }
    }

    public static byte[] Csv(IEnumerable<StatementLine> lines)
    {
        var text = new StringBuilder("Booking date;Counterparty;Amount;Description\n");
        var comma = new NumberFormatInfo { NumberDecimalSeparator = "," };
        foreach (var line in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{line.Date:dd.MM.yyyy};\"{line.Payee}\";")
                .Append(line.Amount.ToString("0.00", comma)).Append(';').Append(line.Description).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
