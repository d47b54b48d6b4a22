namespace FinanceTracker.Web.Api;

/// <summary>A payee from the person's history: how often it was used, when last, and the category its latest transaction had.</summary>
public sealed record Payee(string Name, long Count, DateOnly LastDate, long? LastCategoryId);

/// <summary>Every transaction (and recurring rule) paying one of <see cref="From"/> gets <see cref="Into"/>; a rename is a merge of one.</summary>
public sealed record MergePayeesRequest(IReadOnlyList<string> From, string Into);

public sealed record MergePayeesResult(string Into, long Transactions, long RecurringRules);

/// <summary>A tag and how many transactions carry it.</summary>
public sealed record TagCount(string Tag, long Count);

/// <summary>Per currency, the tagged transactions' totals; transfers left out.</summary>
public sealed record TagsReport(AnalyticsRange Range, IReadOnlyList<CurrencyTags> Currencies);

public sealed record CurrencyTags(string Currency, IReadOnlyList<TagTotals> Tags);

/// <summary>Money in and out are positive magnitudes; net = in − out.</summary>
public sealed record TagTotals(string Tag, long Count, decimal MoneyIn, decimal MoneyOut, decimal Net);
