using Dapper;
using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Receipts;
using FinanceTracker.Api.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Transfers;

/// <summary>Transfers between one's own accounts: two linked transactions, made and removed together.</summary>
public static class TransfersApi
{
    public static RouteGroupBuilder MapTransfersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/transfers").WithTags("Transfers").RequireAuthorization().InvalidatesAnalytics().RetriesDeadlocks();

        group.MapPost("/", CreateAsync);
        group.MapGet("/{id:long}", GetAsync).WithName("GetTransfer");
        group.MapDelete("/{id:long}", DeleteAsync);
        return group;
    }

    private static async Task<Results<Created<TransferCreated>, ValidationProblem>> CreateAsync(
        CreateTransferRequest request, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        if (TransferRules.Check(request) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = caller.Id;
        var (fromId, toId) = (request.FromAccountId!.Value, request.ToAccountId!.Value);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var currencies = await TransactionWrites.LockAccountsAsync(connection, transaction, userId, fromId, toId);
        if (!currencies.TryGetValue(fromId, out var fromCurrency))
        {
            return Problems.Invalid("fromAccountId", "No such account.");
        }
        if (!currencies.TryGetValue(toId, out var toCurrency))
        {
            return Problems.Invalid("toAccountId", "No such account.");
        }
        var (toAmount, field, message) = TransferRules.CheckCurrencies(request, fromCurrency, toCurrency);
        if (field is not null)
        {
            return Problems.Invalid(field, message!);
        }
        var created = await TransferWrites.CreateAsync(connection, transaction, userId, request, (fromId, fromCurrency), (toId, toCurrency), toAmount);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/transfers/{created.Id}", created);
    }

    private static async Task<Results<Ok<TransferResponse>, NotFound>> GetAsync(
        long id, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT tr.id, f.id AS from_id, f.account_id AS from_account_id, f.amount AS from_amount, f.currency AS from_currency,
                   o.id AS to_id, o.account_id AS to_account_id, o.amount AS to_amount, o.currency AS to_currency,
                   COALESCE(f.booking_date, o.booking_date) AS booking_date, COALESCE(f.payee, o.payee, '') AS payee, COALESCE(f.notes, o.notes, '') AS notes
            FROM transfers tr
            LEFT JOIN transactions f ON f.id = tr.from_transaction_id AND f.user_id = tr.user_id
            LEFT JOIN transactions o ON o.id = tr.to_transaction_id AND o.user_id = tr.user_id
            WHERE tr.id = @id AND tr.user_id = @userId
            """;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TransferRow>(new CommandDefinition(sql, new { id, userId = caller.Id }, cancellationToken: cancellationToken));
        return row?.BookingDate is null ? TypedResults.NotFound() : TypedResults.Ok(row.ToResponse());
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        long id, CurrentUser caller, MySqlDataSource db, BlobDeletions blobDeletions, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await TransferWrites.DeleteAsync(connection, transaction, caller.Id, id) is not { } receiptBlobs)
        {
            return TypedResults.NotFound();
        }
        await transaction.CommitAsync(cancellationToken);
        await blobDeletions.DeleteNowAsync(receiptBlobs);
        return TypedResults.NoContent();
    }

    private sealed record TransferRow(
        long Id, long? FromId, long? FromAccountId, decimal? FromAmount, string? FromCurrency,
        long? ToId, long? ToAccountId, decimal? ToAmount, string? ToCurrency, DateTime? BookingDate, string Payee, string Notes)
    {
        public TransferResponse ToResponse()
        {
            decimal? sent = FromAmount is { } f ? Currencies.Normalize(-f, FromCurrency!) : null;
            decimal? received = ToAmount is { } t ? Currencies.Normalize(t, ToCurrency!) : null;
            decimal? rate = sent is { } s && received is { } r && s != 0 ? decimal.Round(r / s, 8, MidpointRounding.AwayFromZero) : null;
            return new TransferResponse(Id, FromId, ToId, FromAccountId, ToAccountId, DateOnly.FromDateTime(BookingDate!.Value),
                sent, FromCurrency, received, ToCurrency, rate, Payee, Notes);
        }
    }
}
