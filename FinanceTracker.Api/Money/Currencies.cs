using System.Collections.Frozen;

namespace FinanceTracker.Api.Money;

/// <summary>
/// Active ISO 4217 currency codes with their minor units (decimal places), from the ISO list
/// (funds and precious-metal codes left out: nobody keeps an account in XAU here).
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> MinorUnits = Build();

    public static bool IsKnown(string? code) => code is not null && MinorUnits.ContainsKey(code);

    /// <summary>Decimal places of the currency; 2 for codes that are not on the list.</summary>
    public static int DecimalPlaces(string code) => MinorUnits.GetValueOrDefault(code, 2);

    /// <summary>The most decimal places any currency on the list has (and the stored DECIMAL(19,4) keeps).</summary>
    public static int MaxDecimalPlaces { get; } = MinorUnits.Values.Max();

    /// <summary>True when the amount has no more decimal places than the currency allows.</summary>
    public static bool FitsMinorUnits(decimal amount, string code) =>
        decimal.Round(amount, DecimalPlaces(code)) == amount;

    /// <summary>Why the amount doesn't fit the currency's minor units, or null when it does.</summary>
    public static string? CheckDecimalPlaces(decimal amount, string code) =>
        FitsMinorUnits(amount, code) ? null
        : DecimalPlaces(code) is 0 ? $"{code} amounts have no decimal places."
        : $"{code} amounts have at most {DecimalPlaces(code)} decimal places.";

    /// <summary>The amount with exactly the currency's decimal places, e.g. 10.1000 → 10.10.</summary>
    public static decimal Normalize(decimal amount, string code)
    {
        var places = DecimalPlaces(code);
        return decimal.Round(amount, places) + new decimal(0, 0, 0, false, (byte)places);
    }

    private static FrozenDictionary<string, int> Build()
    {
        const string zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
        const string three = "BHD IQD JOD KWD LYD OMR TND";
        const string four = "CLF UYW";
        const string two =
            "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
            "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS " +
            "GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL " +
            "MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK " +
            "PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS " +
            "TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";

        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (codes, places) in new[] { (zero, 0), (two, 2), (three, 3), (four, 4) })
        {
            foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                table.Add(code, places);
            }
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
