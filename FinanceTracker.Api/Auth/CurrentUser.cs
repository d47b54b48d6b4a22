namespace FinanceTracker.Api.Auth;

/// <summary>
/// The caller of this request, bound once by <see cref="SessionCheck"/> after its session was found alive.
/// Endpoints that require authorization can rely on it being signed in.
/// </summary>
public sealed class CurrentUser
{
    public long Id { get; private set; }

    /// <summary>The session the caller's token belongs to; null for anonymous requests.</summary>
    public string? SessionId { get; private set; }

    public bool IsSignedIn => SessionId is not null;

    internal void Bind(long id, string sessionId)
    {
        Id = id;
        SessionId = sessionId;
    }
}
