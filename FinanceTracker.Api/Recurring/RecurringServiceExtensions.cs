using Microsoft.AspNetCore.OpenApi;

namespace FinanceTracker.Api.Recurring;

public static class RecurringServiceExtensions
{
    /// <summary>The poster and its background service; call after the migrator is registered, so posting starts on the final schema.</summary>
    public static void AddRecurring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RecurringOptions>().BindConfiguration(RecurringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RecurringPoster>();
        builder.Services.AddHostedService<RecurringPostingService>();
        // The default document ("v1") that AddOpenApi registered.
        builder.Services.Configure<OpenApiOptions>("v1", options => options.AddSchemaTransformer(DayOfMonthSchema.Describe));
    }
}
