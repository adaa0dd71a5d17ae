using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

/// <summary>A dedicated app (migrated and demo-seeded by itself) plus a clinic written by <see cref="ClinicGenerator"/>.</summary>
public sealed class GeneratedClinicFixture : IAsyncLifetime
{
    public const int Patients = 2_000;
    public const int Unscheduled = 20;
    public const string Password = "Generated123!";

    public EmrAppFactory App { get; } = new();

    public GeneratedClinic Clinic { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = App.Server;
        var options = new ClinicGeneratorOptions
        {
            Patients = Patients,
            UnscheduledPatients = Unscheduled,
            EmailPrefix = "gen",
            PasswordHash = new PasswordHasher<EmrUser>().HashPassword(new EmrUser(), Password),
        };
        Clinic = await new ClinicGenerator(App.Services.GetRequiredService<ClinicCalendar>()).GenerateAsync(App.ConnectionString, options);
    }

    public async Task<EmrDbContext> CreateDbContextAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
