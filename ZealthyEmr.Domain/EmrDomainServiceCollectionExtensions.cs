using Medallion.Threading;
using Medallion.Threading.Redis;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Changes;
using ZealthyEmr.Domain.Locking;
using ZealthyEmr.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ZealthyEmr.Domain.Accounts;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Search;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Domain;

public static class EmrDomainServiceCollectionExtensions
{
    public static IServiceCollection AddEmrDomain(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<ClinicOptions>()
            .BindConfiguration(ClinicOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Clinic:TimeZone is not a known IANA time zone id (for example America/Los_Angeles).")
            .Validate(o => ClinicFormat.IsKnownCulture(o.Culture), "Clinic:Culture is not a known culture name such as en-US.")
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider != DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Emr")),
                "ConnectionStrings:Emr must be set when Database:Provider is SqlServer.")
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);

        services.AddSingleton<ClinicCalendar>();
        services.AddSingleton<VisitPlanner>();
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddEmrAudit();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<UserPreferencesService>();
        services.AddSingleton<PatientPortalService>();
        services.AddSingleton<VisitService>();
        services.AddSingleton<AvailabilityService>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<ScheduleBoardService>();
        services.AddSingleton<ProviderDirectory>();
        services.AddSingleton<ProviderCache>();
        services.AddSingleton<SlotLocker>();
        services.AddSingleton<ChangeFeed>();
        services.AddHostedService<VisitHorizonService>();
        services.AddEmrAdmin();
        services.AddEmrSearch(configuration);
        services.AddEmrSessions();
        services.AddEmrFrontDesk();
        services.AddEmrNotifications(contentRootPath);
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddEmrDatabase(configuration, contentRootPath);
        services.AddEmrCoordination(configuration);
        services.AddEmrIdentity();
        return services;
    }

    private static void AddEmrDatabase(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Emr");

        if (provider == DatabaseProvider.SqlServer)
        {
            // An empty connection string is reported by the DatabaseOptions check at start, before this is used.
            services.AddPooledDbContextFactory<SqlServerEmrDbContext>((sp, o) => o
                .UseSqlServer(connectionString ?? "", sql => sql.EnableRetryOnFailure())
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddSingleton<IDbContextFactory<EmrDbContext>, EmrDbContextFactory<SqlServerEmrDbContext>>();
        }
        else
        {
            connectionString = SqliteConnectionStrings.Resolve(connectionString, contentRootPath);
            SqliteProcessSettings.Apply();
            // Writers queue in-process for SQLite's one write lock (issue 15); see SqliteWriteGate.
            services.AddSingleton(sp => new SqliteWriteGate(TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(connectionString).DefaultTimeout),
                sp.GetRequiredService<ILogger<SqliteWriteGate>>(), sp.GetRequiredService<TimeProvider>()));
            services.AddPooledDbContextFactory<SqliteEmrDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetServices<IInterceptor>())
                .AddInterceptors(new SqliteWriteGateInterceptor(sp.GetRequiredService<SqliteWriteGate>()), new SqliteConnectionSetup(sp.GetRequiredService<SqliteWriteGate>())));
            services.AddSingleton<IDbContextFactory<EmrDbContext>, EmrDbContextFactory<SqliteEmrDbContext>>();
        }

        // Identity's stores want a scoped context; everything else takes a short-lived one from the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContext());
    }

    /// <summary>
    /// With ConnectionStrings:Redis, the booking lock and change notifications span every instance;
    /// without it, in-process equivalents serve a single instance behind the same interfaces.
    /// </summary>
    private static void AddEmrCoordination(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IDistributedLockProvider, InProcessLockProvider>();
            services.AddSingleton<IChangePublisher, LocalChangePublisher>();
            return;
        }

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConfiguration.Parse(redis)));
        services.AddSingleton<IDistributedLockProvider>(sp => new RedisDistributedSynchronizationProvider(
            sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(),
            o => o.Expiry(sp.GetRequiredService<IOptions<BookingOptions>>().Value.LockExpiry)));
        services.AddSingleton<IChangePublisher, RedisChangePublisher>();
        services.AddHostedService<RedisChangeRelay>();
    }

    private static void AddEmrIdentity(this IServiceCollection services)
    {
        // Identity's token providers need it; the web app adds the shared key ring on top.
        services.AddDataProtection();
        services.AddIdentityCore<EmrUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Stores.SchemaVersion = IdentityStoreServices.SchemaVersion;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EmrDbContext>()
            .AddDefaultTokenProviders();
        services.AddEmrAccounts();
    }
}
