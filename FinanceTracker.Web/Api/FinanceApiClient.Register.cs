using System.Globalization;

namespace FinanceTracker.Web.Api;

public sealed partial class FinanceApiClient
{
    public Task<Transaction> SetClearedAsync(long transactionId, bool cleared, bool confirmReconciled = false, CancellationToken ct = default) =>
        SendAsync<Transaction>(Json(HttpMethod.Put, $"api/transactions/{transactionId}/cleared", new ClearedRequest(cleared, confirmReconciled)), ct);

    public Task<ReconciliationStatus> GetReconciliationAsync(long accountId, DateOnly statementDate, CancellationToken ct = default) =>
        SendAsync<ReconciliationStatus>(new(HttpMethod.Get,
            $"api/accounts/{accountId}/reconciliation?statementDate={statementDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"), ct);

    public Task<ReconcileResult> ReconcileAsync(long accountId, ReconcileRequest request, CancellationToken ct = default) =>
        SendAsync<ReconcileResult>(Json(HttpMethod.Post, $"api/accounts/{accountId}/reconcile", request), ct);

    /// <summary>Deletes a row; a reconciled one needs <paramref name="confirmReconciled"/> (else 409).</summary>
    public Task DeleteTransactionAsync(long id, bool confirmReconciled, CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Delete, $"api/transactions/{id}{(confirmReconciled ? "?confirmReconciled=true" : "")}"), ct);
}
