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

        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => QuietHours.TryParse(o.QuietHours, out _), "Notifications:QuietHours must be HH:mm-HH:mm (e.g. 21:00-08:00) or empty.")
            .ValidateOnStart();

        // Order matters: the change interceptor adds rows that the stamp interceptor then dates.
        services.AddSingleton<IInterceptor, ChangeNotificationInterceptor>();
        services.AddSingleton<IInterceptor, OutboxStampInterceptor>();
        services.AddSingleton<ChangeMessageWriter>();
        services.AddSingleton<VisitInvitation>();
        services.AddSingleton<VisitEmails>();
        services.AddSingleton<PrescriptionEmails>();
        services.AddSingleton<AccountEmails>();
        services.AddSingleton<OutboxMimeBuilder>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<NotificationPreferencesService>();
        services.AddSingleton<DeliveryGate>();
        services.AddSingleton<NotificationAdminService>();
        services.AddSingleton<OutboxDraftRenderer>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IEmailTransport>(sp =>
        {
            var email = sp.GetRequiredService<IOptions<EmailOptions>>();
            return string.IsNullOrWhiteSpace(email.Value.Smtp.Host)
                ? new PickupDirectoryTransport(Path.Combine(contentRootPath, email.Value.PickupDirectory))
                : new SmtpEmailTransport(email);
        });
        services.AddSingleton<ReminderPlanner>();
        services.AddHostedService<OutboxSender>();
        services.AddHostedService<ReminderService>();
        return services;
    }
}
