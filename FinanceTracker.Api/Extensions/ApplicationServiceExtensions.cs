using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Auth.Protection;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Infrastructure.Clients;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Receipts;
using FinanceTracker.Api.Recurring;
using FinanceTracker.Api.Transactions;
using FluentMigrator.Runner;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MySqlConnector;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace FinanceTracker.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // No reset when a connection is taken from the pool: the Api leaves no session state on one (no user variables,
        // session settings or temporary tables; transactions end by commit or rollback, named locks are released in
        // finally). The reset was 4 of a list page's 9 statements (COM_RESET_CONNECTION and SET NAMES, on each of its
        // two connections).
        builder.AddMySqlDataSource("financedb", settings => settings.ConnectionString =
            new MySqlConnectionStringBuilder(settings.ConnectionString!) { ConnectionReset = false }.ConnectionString);
        builder.AddRedisCacheClient("cache");
        builder.AddAzureBlobServiceClient("receipts");

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        builder.Services.AddFluentMigratorCore().ConfigureRunner(runner => runner
            .AddMySql5()
            .WithGlobalConnectionString(builder.Configuration.GetConnectionString("financedb"))
            .ScanIn(typeof(DatabaseMigrator).Assembly).For.Migrations());
        builder.Services.AddSingleton<MigrationMetrics>();
        builder.Services.AddHostedService<DatabaseMigrator>();

        builder.Services.AddDataProtection().SetApplicationName("FinanceTracker.Api");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<MySqlDataSource>((options, dataSource) => options.XmlRepository = new MySqlXmlRepository(dataSource));

        builder.AddIdentity();
        builder.AddAccountProtection();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ValidationKeys.UseJsonNames);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<BlobStorageExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseOutageExceptionHandler>();
        // Outside Development, binding failures would be answered with a bare 400; throwing lets the
        // handler above name the field in every environment.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddValidation();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.AllowDuplicateProperties = false;
            // Money arrives as decimals: one the client wrote finer than a decimal holds must be refused, not rounded to 0.
            options.SerializerOptions.Converters.Add(new ExactDecimalConverter());
        });
        builder.Services.AddOpenApi(options => options.AddSchemaTransformer(DecimalSchema.DescribeAsNumber));

        builder.Services.AddSingleton<TransactionStore>();
        builder.AddAnalytics();
        builder.AddReceipts();
        builder.AddRecurring();
        builder.AddTelemetry();
    }

    /// <summary>The Api's own meters and spans, exported with ServiceDefaults' OpenTelemetry setup (the dashboard).</summary>
    private static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(AnalyticsMetrics.MeterName, ReceiptMetrics.MeterName, MigrationMetrics.MeterName))
            .WithTracing(tracing => tracing.AddSource(ApiActivities.SourceName));
    }

    private static void AddAnalytics(this IHostApplicationBuilder builder)
    {
        // Redis is HybridCache's distributed tier, through the one multiplexer AddRedisCacheClient registered.
        builder.Services.AddStackExchangeRedisCache(_ => { });
        builder.Services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
        {
            options.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
            options.InstanceName = "financetracker:";
        });
        builder.Services.AddHybridCache();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AnalyticsMetrics>();
        builder.Services.AddSingleton<AnalyticsStore>();
        builder.Services.AddSingleton<AnalyticsCache>();
        builder.Services.AddSingleton<AnalyticsReports>();
    }

    private static void AddReceipts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReceiptOptions>().BindConfiguration(ReceiptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReceiptBlobs>();
        builder.Services.AddSingleton<ReceiptMetrics>();
        builder.Services.AddSingleton<ReceiptUploader>();
        builder.Services.AddSingleton<BlobDeletions>();
        // Registered after DatabaseMigrator, so it only starts once the schema is in place.
        builder.Services.AddHostedService<BlobDeletionSweeper>();
    }

    private static void AddIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorization();
        builder.Services.AddIdentityApiEndpoints<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddUserStore<MySqlUserStore>()
            .AddSignInManager<SessionSignInManager>()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name);
        builder.Services.Configure<IdentityOptions>(options => options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name);
        // Bearer tokens only (see AuthApi.BearerOnly); Identity's default would also read its cookie.
        builder.Services.Configure<AuthenticationOptions>(options => options.DefaultScheme = IdentityConstants.BearerScheme);
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<SessionStore>();
        // No phone numbers are kept: Identity's phone provider would ask the store for one and fail every two-factor sign-in.
        builder.Services.Configure<IdentityOptions>(options => options.Tokens.ProviderMap.Remove(TokenOptions.DefaultPhoneProvider));
    }
}
