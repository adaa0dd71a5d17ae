namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// A test class with an app and database file of its own (its own settings, or data no other class may see), started
/// before its first test and disposed after its last.
/// </summary>
public abstract class OwnAppTestBase(EmrAppFactory app) : IAsyncLifetime
{
    protected EmrAppFactory App { get; } = app;

    public virtual Task InitializeAsync()
    {
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
