using Microsoft.AspNetCore.Http.HttpResults;

namespace FinanceTracker.Api.Auth;

/// <summary>The person's signed-in devices: list them, end one, end all but this one, or sign this one out.</summary>
public static class SessionsApi
{
    public static void MapSessionsApi(this RouteGroupBuilder auth)
    {
        var sessions = auth.MapGroup("/sessions").RequireAuthorization();
        sessions.MapGet("/", ListAsync);
        sessions.MapDelete("/{id}", EndAsync);
        sessions.MapPost("/end-others", EndOthersAsync);
        auth.MapPost("/logout", SignOutAsync).RequireAuthorization();
    }

    private static async Task<Ok<IReadOnlyList<SessionInfo>>> ListAsync(CurrentUser user, SessionStore sessions, CancellationToken ct) =>
        TypedResults.Ok(await sessions.ListAsync(user.Id, user.SessionId!, ct));

    /// <summary>Ending a session that is not the caller's answers 404, as if it did not exist.</summary>
    private static async Task<Results<NoContent, NotFound>> EndAsync(string id, CurrentUser user, SessionStore sessions, CancellationToken ct) =>
        await sessions.EndAsync(user.Id, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<NoContent> EndOthersAsync(CurrentUser user, SessionStore sessions, CancellationToken ct)
    {
        await sessions.EndOthersAsync(user.Id, user.SessionId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOutAsync(CurrentUser user, SessionStore sessions, CancellationToken ct)
    {
        await sessions.EndAsync(user.Id, user.SessionId!, ct);
        return TypedResults.NoContent();
    }
}
