using System.Globalization;
using System.Text;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>
/// Header names banks use for each role, in English, Dutch, German, French, Spanish and a few more, normalised
/// (lower case, accents and punctuation dropped: "Date d'opération" → "date d operation"). An exact name wins over a
/// name that only contains a word; the earlier name in a list wins over a later one.
/// </summary>
internal static class ColumnAliases
{
    private static readonly Dictionary<CsvRole, (string[] Exact, string[] Contains)> Table = new()
    {
        [CsvRole.Sign] = (
            ["af bij", "af of bij", "creditdebet", "credit debet", "debet credit", "credit debit", "debit credit", "d c", "c d", "dr cr", "cr dr",
             "soll haben", "s h", "credit debit indicator", "debit credit indicator", "cd", "dc", "sens", "transaction type", "type"],
            ["af bij", "creditdebet", "debetcredit", "debit credit", "credit debit", "soll haben"]),
        [CsvRole.Debit] = (
            ["debit", "debit amount", "debet", "af", "paid out", "money out", "withdrawal", "withdrawals", "soll", "ausgang", "debito", "cargo",
             "retrait", "debit eur", "uitgaven", "out"],
            ["debit", "debet", "paid out", "money out", "withdrawal", "cargo"]),
        [CsvRole.Credit] = (
            ["credit", "credit amount", "bij", "paid in", "money in", "deposit", "deposits", "haben", "eingang", "credito", "abono", "credit eur",
             "inkomsten", "in"],
            ["credit", "paid in", "money in", "deposit", "abono"]),
        [CsvRole.Amount] = (
            ["amount", "bedrag", "betrag", "montant", "importe", "importo", "valor", "transaction amount", "amount eur", "bedrag eur", "betrag eur",
             "montant eur", "importe eur", "umsatz", "value", "sum"],
            ["amount", "bedrag", "betrag", "montant", "importe", "importo"]),
        [CsvRole.Date] = (
            ["date", "datum", "transaction date", "transactiedatum", "trans date", "booking date", "boekdatum", "buchungstag", "buchungsdatum",
             "date d operation", "date operation", "date de l operation", "fecha", "fecha operacion", "fecha de operacion", "posted date",
             "posting date", "started date", "completed date", "data", "data operazione", "data contabile", "value date", "valutadatum",
             "wertstellung", "valuta", "date valeur", "fecha valor"],
            ["transaction date", "booking date", "date", "datum", "fecha", "buchung", "data"]),
        [CsvRole.Payee] = (
            ["payee", "beneficiary", "naam tegenpartij", "tegenrekeninghouder", "naam omschrijving", "naam", "name", "counterparty",
             "counterparty name", "tegenpartij", "empfanger", "beguenstigter", "begunstigter", "beguenstigter zahlungspflichtiger",
             "begunstigter zahlungspflichtiger", "zahlungsempfanger", "auftraggeber", "auftraggeber empfanger", "name zahlungsbeteiligter",
             "beneficiaire", "tiers", "beneficiario", "ordenante", "merchant", "merchant name", "description", "transaction description",
             "omschrijving", "libelle", "libelle operation", "concepto", "descripcion", "details", "narrative"],
            ["payee", "naam", "name", "empfanger", "beguenstigter", "begunstigter", "beneficiar", "merchant", "description", "omschrijving",
             "libelle", "concepto"]),
        [CsvRole.Notes] = (
            ["memo", "notes", "note", "mededelingen", "verwendungszweck", "omschrijving", "description", "communication", "communicatie",
             "libelle", "details", "concepto", "observaciones", "descripcion", "narrative", "remarks", "purpose", "buchungstext",
             "reference", "referentie", "referenz", "info", "informatie", "transaction details", "additional information"],
            ["memo", "note", "mededeling", "verwendungszweck", "communicat", "omschrijving", "description", "detail", "reference"]),
        [CsvRole.Category] = (
            ["category", "categorie", "kategorie", "categoria", "rubriek", "category name"],
            ["categor", "kategor"]),
    };

    private static readonly string[] BalanceWords = ["balance", "saldo", "solde", "kontostand"];

    /// <summary>Column indexes whose header names <paramref name="role"/>, best first.</summary>
    public static IEnumerable<int> Candidates(CsvRole role, IReadOnlyList<string> normalisedHeader)
    {
        var (exact, contains) = Table[role];
        foreach (var alias in exact)
        {
            for (var i = 0; i < normalisedHeader.Count; i++)
            {
                if (normalisedHeader[i] == alias)
                {
                    yield return i;
                }
            }
        }
        foreach (var word in contains)
        {
            for (var i = 0; i < normalisedHeader.Count; i++)
            {
                var name = normalisedHeader[i];
                if (name.Contains(word, StringComparison.Ordinal) && !BalanceWords.Any(b => name.Contains(b, StringComparison.Ordinal)))
                {
                    yield return i;
                }
            }
        }
    }

    public static string Normalise(string header)
    {
        var builder = new StringBuilder(header.Length);
        var space = false;
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }
}
