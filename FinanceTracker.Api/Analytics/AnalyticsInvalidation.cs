using FinanceTracker.Api.Auth;
using MySqlConnector;

namespace FinanceTracker.Api.Analytics;

public static class AnalyticsInvalidation
{
    /// <summary>After any successful write in the group, the caller's cached analytics are retired.</summary>
    public static TBuilder InvalidatesAnalytics<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && IsSuccess(result))
            {
                await AnalyticsCache.InvalidateAsync(http.RequestServices.GetRequiredService<MySqlDataSource>(), http.RequestServices.GetRequiredService<CurrentUser>().Id);
            }
            return result;
        });

    private static bool IsSuccess(object? result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
}
