namespace FinanceTracker.Api.Import.Csv;

/// <summary>What a CSV column means to the import, in the order detection assigns them.</summary>
internal enum CsvRole { Sign, Debit, Credit, Amount, Date, Payee, Notes, Category }
