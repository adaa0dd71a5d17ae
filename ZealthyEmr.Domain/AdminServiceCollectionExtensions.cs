using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Domain;

/// <summary>The admin portal's domain services; singletons, each opening its own short-lived context per call.</summary>
internal static class AdminServiceCollectionExtensions
{
    internal static IServiceCollection AddEmrAdmin(this IServiceCollection services)
    {
        services.AddSingleton<PatientAdminService>();
        return services;
    }
}
