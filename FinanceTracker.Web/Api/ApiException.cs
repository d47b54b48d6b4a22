using System.Net;

namespace FinanceTracker.Web.Api;

/// <summary>The Api answered with a ProblemDetails error; field errors are keyed by camelCase request property.</summary>
public sealed class ApiException(
    HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, string[]> fieldErrors)
    : Exception(detail ?? title)
{
    public HttpStatusCode Status { get; } = status;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } = fieldErrors;

    public bool IsConflict => Status == HttpStatusCode.Conflict;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    public bool IsUnauthorized => Status == HttpStatusCode.Unauthorized;

    /// <summary>A sentence fit to show a person: the detail, else the title, plus any errors not tied to a field.</summary>
    public string UserMessage => Detail is { Length: > 0 } d && d != "Failed" ? d : Title;
}

/// <summary>The Api could not be reached (down, timing out, or failing with 5xx).</summary>
public sealed class ApiUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
