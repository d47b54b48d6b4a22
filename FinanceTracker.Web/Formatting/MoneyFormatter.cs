using System.Globalization;

namespace FinanceTracker.Web.Formatting;

/// <summary>Formats amounts with the number of decimals their currency has (ISO 4217) and an explicit sign.</summary>
public static class MoneyFormatter
{
    /// <summary>A real minus sign (U+2212): screen readers say "minus", and it lines up with "+".</summary>
    public const string Minus = "\u2212";

    private static readonly HashSet<string> ZeroDecimals =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly HashSet<string> ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥", ["CNY"] = "CN¥", ["INR"] = "₹",
        ["KRW"] = "₩", ["CAD"] = "CA$", ["AUD"] = "A$", ["BRL"] = "R$", ["ILS"] = "₪", ["VND"] = "₫",
    };

    public static int DecimalsOf(string currency) =>
        ZeroDecimals.Contains(currency.ToUpperInvariant()) ? 0
        : ThreeDecimals.Contains(currency.ToUpperInvariant()) ? 3
        : 2;

    /// <summary>e.g. <c>−€42.10</c>, <c>+¥1,200</c>, <c>CHF 5.00</c>.</summary>
    public static string Format(decimal amount, string currency, bool signed = true)
    {
        var decimals = DecimalsOf(currency);
        var number = Math.Abs(amount).ToString("N" + decimals, CultureInfo.InvariantCulture);
        var body = WithCurrency(number, currency);
        var sign = amount < 0 ? Minus : signed && amount > 0 ? "+" : "";
        return sign + body;
    }

    /// <summary>An already formatted number with the currency's symbol, or its code: <c>€1.2k</c>, <c>CHF 5</c>.</summary>
    public static string WithCurrency(string number, string currency) =>
        Symbols.TryGetValue(currency, out var symbol) ? symbol + number : $"{currency.ToUpperInvariant()}\u00A0{number}";

    /// <summary>The amount as typed into a form: invariant digits, no grouping, the currency's decimals.</summary>
    public static string ToInput(decimal amount, string currency) =>
        amount.ToString("F" + DecimalsOf(currency), CultureInfo.InvariantCulture);

    public static bool HasTooManyDecimals(decimal amount, string currency) =>
        decimal.Round(amount, DecimalsOf(currency)) != amount;
}
