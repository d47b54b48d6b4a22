using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Payees;

/// <summary>
/// A payee as the person's history knows it: how often it was used, when last, and the category its latest transaction
/// had (what a new transaction to it is pre-filled with).
/// </summary>
public sealed record PayeeResponse(string Name, long Count, DateOnly LastDate, long? LastCategoryId);

/// <summary>Every transaction (and recurring rule) whose payee is one of <see cref="From"/> gets <see cref="Into"/>; a rename is a merge of one.</summary>
public sealed record MergePayeesRequest([Required, MinLength(1), MaxLength(100)] List<string>? From, [Required, StringLength(200)] string? Into);

public sealed record MergePayeesResult(string Into, long Transactions, long RecurringRules);
