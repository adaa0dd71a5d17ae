using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ZealthyEmr.Domain.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The outbox, its sender in every instance, and the transport: SMTP when Email:Smtp:Host is set, else .eml files.</summary>
    public static IServiceCollection AddEmrNotifications(this IServiceCollection services, string contentRootPath)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Email:Smtp:Port must be between 1 and 65535.")
            .Validate(o => string.IsNullOrEmpty(o.Smtp.UserName) || !string.IsNullOrEmpty(o.Smtp.Password), "Email:Smtp:Password is required with Email:Smtp:UserName.")
            .ValidateOnStart();

        services.AddSingleton<IInterceptor, OutboxStampInterceptor>();
        services.AddSingleton<OutboxMimeBuilder>();
        services.AddSingleton<AccountEmails>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IEmailTransport>(sp =>
        {
            var email = sp.GetRequiredService<IOptions<EmailOptions>>();
            return string.IsNullOrWhiteSpace(email.Value.Smtp.Host)
                ? new PickupDirectoryTransport(Path.Combine(contentRootPath, email.Value.PickupDirectory))
                : new SmtpEmailTransport(email);
        });
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
