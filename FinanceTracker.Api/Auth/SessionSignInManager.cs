using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FinanceTracker.Api.Auth;

/// <summary>Every completed sign-in (password, with a code or a recovery code) starts a session its tokens name.</summary>
internal sealed class SessionSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    SessionStore sessions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var sessionId = await sessions.StartAsync(user.Id,
            Context.Request.Headers.UserAgent.ToString(), Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(SessionClaims.SessionId, sessionId)]);
    }
}
