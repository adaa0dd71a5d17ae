using Microsoft.Playwright;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>One app on a real Kestrel port and one headless Debian Chromium, shared by a browser test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public BrowserFixture()
        : this(settings: null)
    {
    }

    /// <summary>An app with its own settings, for a journey that needs them (a short idle timeout).</summary>
    internal BrowserFixture(IDictionary<string, string?>? settings) => App = new EmrAppFactory(settings: settings);

    public EmrAppFactory App { get; }

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // A fresh CI machine builds, migrates and JITs while these run on 2 cores: give pages time, not retries.
        Assertions.SetDefaultExpectTimeout(15_000);
        BaseAddress = App.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
