using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FinanceTracker.Web.Auth;

/// <summary>Captures the tokens while the circuit's connection (and its cookie) is still at hand.</summary>
internal sealed class TokenCircuitHandler(TokenProvider tokens) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        tokens.CaptureAsync();
}
