using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

/// <summary>One started app on its own SQLite file, for tests that read the seeded clinic.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public EmrAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        _ = App.Server;
        return Task.CompletedTask;
    }

    public Task<EmrDbContext> CreateDbContextAsync() =>
        App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
