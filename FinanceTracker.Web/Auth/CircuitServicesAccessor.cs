using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FinanceTracker.Web.Auth;

/// <summary>
/// Lets code running in another DI scope (HttpClient handlers live in the factory's scope) reach
/// the services of the Blazor circuit that is currently handling an event.
/// </summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> CurrentServices = new();

    public IServiceProvider? Services
    {
        get => CurrentServices.Value;
        set => CurrentServices.Value = value;
    }
}

internal sealed class ServicesAccessorCircuitHandler(IServiceProvider services, CircuitServicesAccessor accessor)
    : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        accessor.Services = services;
        await next(context);
        accessor.Services = null;
    };
}
