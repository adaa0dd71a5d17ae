using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Prescriptions;

namespace ZealthyEmr.Domain.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The patient search of the configured database provider, behind <see cref="IPatientSearch"/>.</summary>
    public static IServiceCollection AddEmrSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => IsCulture(o.Culture), "Search:Culture is not a known culture name.")
            .ValidateOnStart();
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.SqlServer)
        {
            services.AddSingleton<SqlServerPatientSearch>();
            services.AddSingleton<IPatientSearch>(sp => Audited<SqlServerPatientSearch>(sp));
        }
        else
        {
            services.AddSingleton<SqlitePatientSearch>();
            services.AddSingleton<IPatientSearch>(sp => Audited<SqlitePatientSearch>(sp));
            services.AddHostedService<SearchIndexUpkeepService>();
        }

        return services;
    }

    private static AuditedPatientSearch Audited<TSearch>(IServiceProvider services) where TSearch : IPatientSearch => new(
        services.GetRequiredService<TSearch>(), services.GetRequiredService<IAuditLog>(), services.GetRequiredService<SeriesQueries>(), services.GetRequiredService<PrescriptionService>());

    private static bool IsCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
