using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Admin;

/// <summary>A dedicated app with the demo clinic plus 10,000 generated patients, so the load does not slow other tests' databases.</summary>
public sealed class TenThousandPatients : IAsyncLifetime
{
    public const int Generated = 10_000;
    public const string Prefix = "pager";

    public EmrAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        _ = App.Server;
        await App.AddPatientsAsync(Generated, Prefix);
    }

    public async Task<EmrDbContext> CreateDbContextAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
