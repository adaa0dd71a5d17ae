using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ZealthyEmr.Domain.Audit;

namespace ZealthyEmr.Web.Audit;

/// <summary>
/// Interactive components run outside any HTTP request, so the actor comes from the circuit's authentication
/// state and is made current for each inbound activity (an event, a JS call, a navigation); everything the
/// activity awaits, down to the save interceptor, sees it. The client address is the one that opened the circuit.
/// </summary>
internal sealed class AuditCircuitHandler(AuthenticationStateProvider authentication, IAuditContext audit, IHttpContextAccessor http) : CircuitHandler
{
    private string? circuitId;
    private string? clientAddress;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuitId = circuit.Id;
        // The hub call that opens a circuit still has its connection's HttpContext; later activities do not.
        clientAddress ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            clientAddress ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
            var state = await authentication.GetAuthenticationStateAsync();
            using (audit.Begin(PrincipalActor.From(state.User, clientAddress, AuditChannel.Portal, circuitId ?? context.Circuit.Id)))
            {
                await next(context);
            }
        };
}
