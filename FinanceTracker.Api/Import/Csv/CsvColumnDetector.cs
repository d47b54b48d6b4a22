namespace FinanceTracker.Api.Import.Csv;

/// <summary>
/// Finds each role's column: by header name first (<see cref="ColumnAliases"/>, checked against the sample's values),
/// then from the data where the header says nothing or there is none (a date column, money columns, a debit/credit word
/// column, the first text column as payee). Roles the person decided are kept and their columns never reused.
/// </summary>
internal sealed class CsvColumnDetector(IReadOnlyList<string>? header, IReadOnlyList<SampleRecord> data, int columnCount)
{
    private readonly List<string>[] values = ColumnValues(data, columnCount);
    private readonly Dictionary<int, bool> dateColumns = [];
    private readonly Dictionary<int, int> amountCounts = [];

    /// <summary>Every role's column (null: none); <paramref name="guessed"/> is true when a role came from the data alone.</summary>
    public Dictionary<CsvRole, int?> Detect(IReadOnlyDictionary<CsvRole, int?> decided, out bool guessed)
    {
        guessed = false;
        var result = new Dictionary<CsvRole, int?>(decided);
        var taken = decided.Values.OfType<int>().ToHashSet();
        var amountDecided = decided.GetValueOrDefault(CsvRole.Amount) is not null;
        var debitCreditDecided = decided.GetValueOrDefault(CsvRole.Debit) is not null || decided.GetValueOrDefault(CsvRole.Credit) is not null;
        bool Open(CsvRole role) => !decided.ContainsKey(role)
            && !(amountDecided && role is CsvRole.Debit or CsvRole.Credit)
            && !(debitCreditDecided && role is CsvRole.Amount or CsvRole.Sign);

        if (header is not null)
        {
            var names = header.Select(ColumnAliases.Normalise).ToList();
            foreach (var role in Enum.GetValues<CsvRole>().Where(Open))
            {
                if (ColumnAliases.Candidates(role, names).FirstOrDefault(i => !taken.Contains(i) && Fits(role, i), -1) is var i and >= 0)
                {
                    result[role] = i;
                    taken.Add(i);
                }
            }
        }
        // An amount column makes separate debit/credit columns redundant; a debit/credit word only signs an amount.
        if (result.GetValueOrDefault(CsvRole.Amount) is not null)
        {
            Release(CsvRole.Debit);
            Release(CsvRole.Credit);
        }
        else if (Open(CsvRole.Amount) && Open(CsvRole.Debit) && result.GetValueOrDefault(CsvRole.Debit) is null && result.GetValueOrDefault(CsvRole.Credit) is null)
        {
            guessed |= GuessMoney(result, taken);
        }
        if (result.GetValueOrDefault(CsvRole.Amount) is null)
        {
            Release(CsvRole.Sign);
        }
        else if (header is null && Open(CsvRole.Sign))
        {
            guessed |= Guess(CsvRole.Sign, result, taken, i => values[i].Count > 0 && values[i].All(v => CsvValues.Sign(v) != 0));
        }
        if (Open(CsvRole.Date) && result.GetValueOrDefault(CsvRole.Date) is null)
        {
            guessed |= Guess(CsvRole.Date, result, taken, i => Fits(CsvRole.Date, i) && values[i].Count > 0);
        }
        if (Open(CsvRole.Payee) && result.GetValueOrDefault(CsvRole.Payee) is null)
        {
            guessed |= Guess(CsvRole.Payee, result, taken, IsText);
        }
        if (header is null && Open(CsvRole.Notes))
        {
            guessed |= Guess(CsvRole.Notes, result, taken, IsText);
        }
        foreach (var role in Enum.GetValues<CsvRole>())
        {
            result.TryAdd(role, null);
        }
        return result;

        void Release(CsvRole role)
        {
            if (!decided.ContainsKey(role) && result.Remove(role, out var i) && i is { } index)
            {
                taken.Remove(index);
            }
        }
    }

    private bool Fits(CsvRole role, int column)
    {
        var sample = values[column];
        return role switch
        {
            CsvRole.Date => IsDateColumn(column),
            CsvRole.Amount or CsvRole.Debit or CsvRole.Credit => Amounts(column) * 5 >= sample.Count * 4,
            CsvRole.Sign => sample.Count > 0 && sample.All(v => CsvValues.Sign(v) != 0),
            _ => true,
        };
    }

    private bool IsText(int column) =>
        values[column].Count > 0 && values[column].Count(v => v.Any(char.IsLetter)) * 2 >= values[column].Count
        && !IsDateColumn(column) && Amounts(column) * 2 < values[column].Count;

    private bool IsDateColumn(int column)
    {
        if (!dateColumns.TryGetValue(column, out var isDate))
        {
            dateColumns[column] = isDate = CsvValues.DateFormats(values[column]).Count > 0;
        }
        return isDate;
    }

    private int Amounts(int column)
    {
        if (!amountCounts.TryGetValue(column, out var count))
        {
            amountCounts[column] = count = values[column].Count(CsvValues.IsAmount);
        }
        return count;
    }

    private bool Guess(CsvRole role, Dictionary<CsvRole, int?> result, HashSet<int> taken, Func<int, bool> fits)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!taken.Contains(i) && fits(i))
            {
                result[role] = i;
                taken.Add(i);
                return true;
            }
        }
        return false;
    }

    /// <summary>Money columns from the data: two that are never both filled are debit and credit, else the first always filled is the amount.</summary>
    private bool GuessMoney(Dictionary<CsvRole, int?> result, HashSet<int> taken)
    {
        var money = Enumerable.Range(0, values.Length)
            .Where(i => !taken.Contains(i) && values[i].Count > 0 && !Fits(CsvRole.Date, i)
                && Amounts(i) * 10 >= values[i].Count * 9 && values[i].Any(CsvValues.LooksLikeMoney))
            .ToList();
        for (var k = 0; k + 1 < money.Count; k++)
        {
            var (debit, credit) = (money[k], money[k + 1]);
            if (data.All(r => r.Field(debit).Length == 0 || r.Field(credit).Length == 0))
            {
                (result[CsvRole.Debit], result[CsvRole.Credit]) = (debit, credit);
                taken.UnionWith([debit, credit]);
                return true;
            }
        }
        if (money.FirstOrDefault(i => values[i].Count * 10 >= data.Count * 9, -1) is var amount and >= 0)
        {
            result[CsvRole.Amount] = amount;
            taken.Add(amount);
            return true;
        }
        return false;
    }

    private static List<string>[] ColumnValues(IReadOnlyList<SampleRecord> data, int columnCount)
    {
        var columns = Enumerable.Range(0, columnCount).Select(_ => new List<string>()).ToArray();
        foreach (var record in data)
        {
            for (var i = 0; i < Math.Min(columnCount, record.Fields.Length); i++)
            {
                if (record.Field(i) is { Length: > 0 } value)
                {
                    columns[i].Add(value);
                }
            }
        }
        return columns;
    }
}
