using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Analytics;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Domain;

/// <summary>The admin portal's domain services; singletons, each opening its own short-lived context per call.</summary>
internal static class AdminServiceCollectionExtensions
{
    internal static IServiceCollection AddEmrAdmin(this IServiceCollection services)
    {
        services.AddSingleton<PatientAdminService>();
        services.AddSingleton<PatientArchiveService>();
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProviderAdminService>();
        services.AddSingleton<MedicationService>();
        services.AddSingleton<PrescriptionService>();
        services.AddSingleton<SeriesService>();
        services.AddSingleton<SeriesQueries>();
        services.AddSingleton<AnalyticsService>();
        return services;
    }
}
