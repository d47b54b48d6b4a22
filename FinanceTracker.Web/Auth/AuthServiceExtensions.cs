using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;

namespace FinanceTracker.Web.Auth;

internal static class AuthServiceExtensions
{
    /// <summary>
    /// Cookie sign-in whose ticket carries the Api tokens. The cookie lives as long as the Api's
    /// refresh token (14 days, sliding). Data-protection keys are kept in a directory
    /// (<c>DataProtection:KeysPath</c>, default under the user's local app data) so cookies survive
    /// restarts; replicas must share that directory.
    /// </summary>
    public static IServiceCollection AddWebAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var keysPath = configuration["DataProtection:KeysPath"] ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "FinanceTracker", "web-keys");
        services.AddDataProtection()
            .SetApplicationName("FinanceTracker.Web")
            .PersistKeysToFileSystem(new DirectoryInfo(keysPath));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "ft.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is https, also behind a TLS-terminating proxy (forwarded headers).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = AuthEndpoints.SignInPath;
                options.LogoutPath = AuthEndpoints.SignOutPath;
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = CookieTokenRefresher.ValidateAsync;
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CircuitServicesAccessor>();
        services.AddScoped<CircuitHandler, ServicesAccessorCircuitHandler>();
        services.AddScoped<CircuitHandler, TokenCircuitHandler>();
        services.AddSingleton<RefreshedTokens>();
        services.AddSingleton<TwoFactorChallenge>();
        services.AddScoped<TokenProvider>();
        services.AddScoped<SignInService>();
        services.AddTransient<BearerTokenHandler>();
        services.AddTransient<ForwardedClientHandler>();
        return services;
    }
}
