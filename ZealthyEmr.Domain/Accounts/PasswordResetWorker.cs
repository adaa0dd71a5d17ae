using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>Sends the queued "forgot password" links, one scope (UserManager, context) per request.</summary>
public sealed partial class PasswordResetWorker(PasswordResetRequests requests, IServiceScopeFactory scopes, ILogger<PasswordResetWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in requests.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<PasswordResetService>().RequestAsync(request.Email, request.LinkFor, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed request (database busy, a bad address) must not stop the links of everyone else.
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A password reset request could not be processed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
