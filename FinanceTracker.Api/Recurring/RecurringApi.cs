using System.Globalization;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Import;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Recurring;

/// <summary>The person's recurring rules, their upcoming occurrences, and rules suggested from their history.</summary>
public static class RecurringApi
{
    public const int DefaultUpcomingDays = 30;
    public const int MaxUpcomingDays = 366;

    /// <summary>Past occurrences one new rule may post at once: ten years of a daily rule, not a whole century in one pass.</summary>
    public const int MaxCatchUp = 3660;

    public static RouteGroupBuilder MapRecurringApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/recurring").WithTags("Recurring").RequireAuthorization().RetriesDeadlocks();
        group.MapGet("/", ListAsync);
        group.MapGet("/upcoming", UpcomingAsync);
        group.MapGet("/suggestions", SuggestionsAsync);
        group.MapGet("/{id:long}", GetAsync).WithName("GetRecurringRule");
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        return group;
    }

    private static async Task<Ok<List<RecurringRuleResponse>>> ListAsync(CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok((await RecurringStore.ListAsync(connection, caller.Id, cancellationToken)).Select(r => r.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<RecurringRuleResponse>, NotFound>> GetAsync(long id, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await RecurringStore.FindAsync(connection, null, caller.Id, id) is { } rule ? TypedResults.Ok(rule.ToResponse()) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<RecurringRuleResponse>, ValidationProblem>> CreateAsync(
        RecurringRuleRequest request, CurrentUser caller, MySqlDataSource db, RecurringPoster poster, CancellationToken cancellationToken)
    {
        var (terms, errors) = RecurringRuleRules.Normalize(request);
        if (terms is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await CheckReferencesAsync(connection, transaction, caller.Id, terms) is { } invalid)
        {
            return invalid;
        }
        // A start in the past is honoured whole: the poster posts every occurrence missed since (within reason).
        if (terms.Schedule.Between(terms.StartDate, poster.Today).Skip(MaxCatchUp).Any())
        {
            return Problems.Invalid("startDate", $"A new rule can catch up at most {MaxCatchUp:N0} past occurrences; choose a later start.");
        }
        var id = await RecurringStore.InsertAsync(connection, transaction, caller.Id, terms, terms.StartDate, terms.Schedule.FirstOnOrAfter(terms.StartDate));
        var created = (await RecurringStore.FindAsync(connection, transaction, caller.Id, id))!;
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/recurring/{id}", created.ToResponse());
    }

    /// <summary>
    /// New terms apply from tomorrow (UTC) or their start, whichever is later. What is due by today is posted under the old
    /// terms first, so an edit never rewrites, adds or drops a past occurrence.
    /// </summary>
    private static async Task<Results<Ok<RecurringRuleResponse>, NotFound, ValidationProblem>> UpdateAsync(
        long id, RecurringRuleRequest request, CurrentUser caller, MySqlDataSource db, RecurringPoster poster, CancellationToken cancellationToken)
    {
        var (terms, errors) = RecurringRuleRules.Normalize(request);
        if (terms is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        if (await RecurringStore.FindAsync(connection, null, userId, id) is not { } existing)
        {
            return TypedResults.NotFound();
        }
        var today = poster.Today;
        await poster.PostDueAsync(userId, id, today, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The poster's lock order: the account, then the rule.
        await TransactionWrites.LockAccountsAsync(connection, transaction, userId, existing.AccountId);
        if (await RecurringStore.FindAsync(connection, transaction, userId, id, forUpdate: true) is null)
        {
            return TypedResults.NotFound();
        }
        if (await CheckReferencesAsync(connection, transaction, userId, terms) is { } invalid)
        {
            return invalid;
        }
        var effectiveFrom = terms.StartDate > today ? terms.StartDate : today.AddDays(1);
        await RecurringStore.UpdateAsync(connection, transaction, userId, id, terms, effectiveFrom, terms.Schedule.FirstOnOrAfter(effectiveFrom));
        var updated = (await RecurringStore.FindAsync(connection, transaction, userId, id))!;
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated.ToResponse());
    }

    /// <summary>Stops the rule; the transactions it posted stay (their recurringId becomes null).</summary>
    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await RecurringStore.DeleteAsync(connection, caller.Id, id) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Occurrences after today (UTC) up to today + <c>days</c> (default 30, at most 366), by date.</summary>
    private static async Task<Results<Ok<List<UpcomingOccurrence>>, ValidationProblem>> UpcomingAsync(
        HttpRequest request, CurrentUser caller, MySqlDataSource db, RecurringPoster poster, CancellationToken cancellationToken)
    {
        var days = DefaultUpcomingDays;
        if (request.Query.TryGetValue("days", out var text)
            && (!int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > MaxUpcomingDays))
        {
            return Problems.Invalid("days", $"'days' must be a whole number from 1 to {MaxUpcomingDays}.");
        }
        var today = poster.Today;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rules = await RecurringStore.ListAsync(connection, caller.Id, cancellationToken);
        var upcoming = rules
            .SelectMany(rule => rule.Terms.Schedule
                .Between(rule.Effective > today ? rule.Effective : today.AddDays(1), today.AddDays(days))
                .Select(date => new UpcomingOccurrence(rule.Id, date, Currencies.Normalize(rule.Amount, rule.Currency), rule.Currency,
                    rule.Payee, rule.AccountId, rule.CategoryId)))
            .OrderBy(o => o.Date).ThenBy(o => o.RuleId)
            .ToList();
        return TypedResults.Ok(upcoming);
    }

    /// <summary>Rules the person could make from the last three years of their own transactions.</summary>
    private static async Task<Ok<IReadOnlyList<RecurringSuggestion>>> SuggestionsAsync(
        CurrentUser caller, MySqlDataSource db, RecurringPoster poster, CancellationToken cancellationToken)
    {
        var today = poster.Today;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        // Three yearly payments need a little over two years; a margin of a month catches a late one.
        var history = await RecurringStore.HistoryAsync(connection, caller.Id, today.AddYears(-3).AddMonths(-1), cancellationToken);
        var covered = (await RecurringStore.RulePayeesAsync(connection, caller.Id, cancellationToken)).Select(PayeeText.Normalise).ToHashSet();
        var suggestions = RecurringDetector.Detect(history, covered, today)
            .Select(s => s with { Amount = Currencies.Normalize(s.Amount, s.Currency) })
            .ToList();
        return TypedResults.Ok<IReadOnlyList<RecurringSuggestion>>(suggestions);
    }

    /// <summary>The account and the category must be the caller's own, and the amount fit the account's currency.</summary>
    private static async Task<ValidationProblem?> CheckReferencesAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, RecurringTerms terms)
    {
        if (await RecurringStore.AccountCurrencyAsync(connection, transaction, userId, terms.AccountId) is not { } currency)
        {
            return Problems.Invalid("accountId", "No such account.");
        }
        if (Currencies.CheckDecimalPlaces(terms.Amount, currency) is { } amountError)
        {
            return Problems.Invalid("amount", amountError);
        }
        if (terms.CategoryId is { } categoryId && !await RecurringStore.CategoryExistsAsync(connection, transaction, userId, categoryId))
        {
            return Problems.Invalid("categoryId", "No such category.");
        }
        return null;
    }
}
