using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Domain;

/// <summary>The front desk's scheduling: moving visits under the slot lock, re-planning series, and how times read.</summary>
internal static class FrontDeskServiceCollectionExtensions
{
    internal static IServiceCollection AddEmrFrontDesk(this IServiceCollection services)
    {
        services.AddSingleton<VisitRescheduler>();
        services.AddSingleton<SeriesReplanner>();
        services.AddSingleton<ClinicFormat>();
        return services;
    }
}
