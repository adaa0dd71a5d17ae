using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;

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
            services.AddSingleton<IPatientSearch>(sp => new AuditedPatientSearch(sp.GetRequiredService<SqlServerPatientSearch>(), sp.GetRequiredService<IAuditLog>()));
        }
        else
        {
            services.AddSingleton<SqlitePatientSearch>();
            services.AddSingleton<IPatientSearch>(sp => new AuditedPatientSearch(sp.GetRequiredService<SqlitePatientSearch>(), sp.GetRequiredService<IAuditLog>()));
        }

        return services;
    }

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
